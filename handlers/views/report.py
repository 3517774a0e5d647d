"""The report a person takes to their doctor: written for the doctor (no tips, no "you should"),
every entry with its time, places and sides, and each red-flag event with the advice it got."""

from __future__ import annotations

from bot.content import Content
from bot.content.wording import plural
from bot.render.cycle_chart import CycleChartSpec
from bot.render.pdf import ReportSpec
from bot.services.export import Entry, Event, Export
from bot.services.summary import Summary
from handlers.views.entry import duration_text_of, place_label
from handlers.views.summary import chart_spec, summary_lines


def report_spec(
    content: Content,
    export: Export,
    summary: Summary,
    treatment: tuple[str, ...] = (),
    cycles: CycleChartSpec | None = None,
) -> ReportSpec:
    """The period's figures, treatment, chart, triggers, red-flag events, and every entry."""
    text = content.messages.export
    checkin = content.messages.checkin
    lines = [line for line in summary_lines(content, summary, advice=False)[2:] if line]
    return ReportSpec(
        title=text.report_title,
        period=text.report_period.format(
            start=content.day(export.start),
            end=content.day(export.end),
            length=plural(text.report_days, export.days),
        ),
        disclaimer=text.report_disclaimer,
        headings=(
            text.report_summary, text.report_charts, text.report_triggers, text.report_events,
            text.report_entries,
        ),
        summary_rows=tuple(lines),
        chart=chart_spec(content, summary.current),
        triggers=tuple((checkin.triggers[t], str(n)) for t, n in export.trigger_counts),
        event_columns=(text.report_col_time, text.report_col_reported, text.report_col_advised),
        events=tuple(_event_row(content, e) for e in export.events),
        no_events=text.report_no_events,
        entry_columns=(
            text.report_col_date, text.report_col_time, text.report_col_kind, text.report_col_places,
            text.report_col_strength, text.report_col_duration, text.report_col_stress,
            text.report_col_sleep, text.report_col_triggers, text.report_col_notes,
        ),
        entries=tuple(_entry_row(content, e) for e in export.entries),
        treatment_heading=content.messages.treatment.report_heading,
        treatment=treatment,
        cycle_chart=cycles,
    )  # fmt: skip


def _event_row(content: Content, event: Event) -> tuple[str, str, str]:
    """When (the person's local time), what was reported and where, and what the bot advised."""
    text = content.messages.export
    safety = content.messages.safety
    names = {**safety.urgent_reasons, **safety.reasons}
    source = {"text": text.source_text, "checkin": text.source_checkin, "diary": text.source_diary}
    reported = ", ".join(names.get(r, r) for r in event.reasons)
    advised = text.advised_emergency if event.level == "emergency" else text.advised_urgent
    where = source.get(event.source, "")
    return (
        f"{content.day(event.occurred_at.date())} {event.occurred_at:%H:%M}",
        f"{reported} ({where})" if where else reported,
        advised,
    )


def _entry_row(content: Content, e: Entry) -> tuple[str, ...]:
    text = content.messages.export
    checkin = content.messages.checkin
    sides = dict(e.sides)
    if e.had_spasm:
        places = "; ".join(place_label(content, p, sides.get(p)) for p in e.locations)
    else:
        places = text.report_no_spasms if e.had_spasm is False else ""
    return (
        content.day(e.local_date),
        f"{e.time:%H:%M}" if e.time else "",
        {"episode": text.kind_episode, "morning": text.kind_morning}.get(e.kind, text.kind_checkin),
        places,
        f"{e.severity}/10" if e.had_spasm and e.severity is not None else "",
        duration_text_of(content, e.duration, e.duration_minutes) if e.had_spasm else "",
        f"{e.stress}/10" if e.stress is not None else "",
        f"{content.number(e.sleep_hours)} h" if e.sleep_hours is not None else "",
        ", ".join(checkin.triggers[t] for t in e.triggers if t in checkin.triggers),
        "\n".join(f"{n.at:%H:%M} {n.text}" for n in e.notes),
    )
