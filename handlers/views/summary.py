"""Summaries, charts and the doctor report in the person's words (all wording from content/)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.content import Content
from bot.content.wording import plural
from bot.domain.medicine_changes import MedicineChange
from bot.render.charts import ChartSpec
from bot.services.summary import Stats, Summary
from handlers.views.entry import day_name, place_label
from handlers.views.safety import care_text
from handlers.views.treatment import dose_text

CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption


def _day_label(content: Content, day: date, month: bool) -> str:
    name = content.messages.summary.days[day.weekday()][:3]
    return f"{day.day}" if month else f"{name} {day.day}"


def _trend(content: Content, now: float | None, before: float | None, previous: Stats) -> str:
    text = content.messages.summary
    if now is None or before is None or previous.days_recorded == 0:
        return ""
    if round(now, 1) > round(before, 1):
        return text.trend_up.format(before=content.number(before, 1))
    if round(now, 1) < round(before, 1):
        return text.trend_down.format(before=content.number(before, 1))
    return text.trend_same


def _spaced(trend: str) -> str:
    return f", {trend.strip('()')}" if trend else ""


def summary_lines(content: Content, summary: Summary, *, advice: bool = True) -> list[str]:
    """The summary as lines, most important first; without `advice`, no tip and no "see a doctor"
    (the doctor's report)."""
    text = content.messages.summary
    labels = content.messages.checkin.triggers
    now, before = summary.current, summary.previous
    title = text.title_week if summary.period == "week" else text.title_month
    lines = [title.format(start=content.day(now.start), end=content.day(now.end)), ""]
    lines.append(
        text.line_days.format(
            spasm_days=now.spasm_days, days=now.days_recorded,
            trend=_trend(content, now.spasm_days, before.spasm_days, before),
        )
    )  # fmt: skip
    lines.append(
        text.line_episodes.format(
            episodes=now.episodes, trend=_trend(content, now.episodes, before.episodes, before)
        )
    )
    if now.avg_severity is not None and now.max_severity is not None:
        trend = _trend(content, now.avg_severity, before.avg_severity, before)
        lines.append(
            text.line_severity.format(
                average=content.number(now.avg_severity, 1), highest=now.max_severity, trend=trend
            )
        )
    else:
        lines.append(text.line_no_severity)
    if now.avg_stress is not None:
        trend = _trend(content, now.avg_stress, before.avg_stress, before)
        lines.append(text.line_stress.format(average=content.number(now.avg_stress, 1), trend=trend))
    if now.avg_sleep is not None:
        lines.append(
            text.line_sleep.format(
                hours=content.number(now.avg_sleep, 1),
                trend=_trend(content, now.avg_sleep, before.avg_sleep, before),
            )
        )
    if now.places:
        named = (f"{place_label(content, p, s or None)} ×{n}" for p, s, n in now.places[:4])
        lines.append(text.line_places.format(places=", ".join(named)))
    if now.triggers:
        earlier = dict(before.triggers)
        top = ", ".join(
            f"{labels[t]} ({n}{_spaced(_trend(content, n, earlier.get(t, 0), before))})"
            for t, n in now.triggers[:3]
        )
        lines.append(text.line_triggers.format(triggers=top))
    else:
        lines.append(text.line_no_triggers)
    if summary.insight is not None:
        i = summary.insight
        lines += [
            "",
            text.insight.format(
                high_spasm=i.high_spasm, high_days=i.high_days, calm_spasm=i.calm_spasm, calm_days=i.calm_days
            ),
        ]
    if summary.changes:
        lines += ["", *(change_line(content, c) for c in summary.changes)]
    if advice and summary.tip is not None and summary.tip_trigger is not None:
        lines += [
            "",
            text.tip.format(
                trigger=labels[summary.tip_trigger].lower(), tip=content.tips.worded(summary.tip).text
            ),
        ]
    if advice and summary.care:
        lines += ["", care_text(content, summary.care)]
    return [line.rstrip() for line in lines]


def change_line(content: Content, change: MedicineChange) -> str:
    """ "💊 Clonazepam: dose changed to 1 mg on Tuesday, 2026-03-03. Since then: ..." """
    text = content.messages.summary
    head = {"start": text.change_start, "dose": text.change_dose, "stop": text.change_stop}[change.kind]
    said = head.format(
        name=change.name.capitalize(), dose=dose_text(content, change.dose, change.unit),
        day=day_name(content, change.day),
    )  # fmt: skip
    after, before = change.after, change.before
    written = plural(text.change_days, after.days)
    if change.too_early or after.mean_strength is None:
        return f"{said} {text.change_too_early.format(days=written)}"
    if before.mean_strength is None:
        return f"{said} " + text.change_followed_alone.format(
            spasm_days=after.spasm_days, days=written, after=content.number(after.mean_strength, 1)
        )
    return f"{said} " + text.change_followed.format(
        spasm_days=after.spasm_days, days=written, after=content.number(after.mean_strength, 1),
        before=content.number(before.mean_strength, 1),
    )  # fmt: skip


def split_caption(lines: Sequence[str], more: str) -> tuple[str, str | None]:
    """As many whole lines as fit a photo caption; the rest for a second message."""
    caption: list[str] = []
    for index, line in enumerate(lines):
        if len("\n".join([*caption, line])) > CAPTION_LIMIT:
            rest = "\n".join(lines[index:]).strip()
            return "\n".join(caption).strip(), f"{more}\n\n{rest}" if rest else None
        caption.append(line)
    return "\n".join(caption).strip(), None


def too_little(content: Content, summary: Summary) -> str:
    now = summary.current
    return content.messages.summary.too_little.format(
        start=content.day(now.start),
        end=content.day(now.end),
        recorded=plural(content.messages.summary.days_recorded, now.days_recorded),
    )


def chart_spec(content: Content, stats: Stats) -> ChartSpec:
    text = content.messages.summary
    month = len(stats.days) > 10
    return ChartSpec(
        title=text.chart_title.format(start=content.day(stats.start), end=content.day(stats.end)),
        labels=tuple(_day_label(content, d.day, month) for d in stats.days),
        severity=tuple(float(d.severity) if d.severity is not None else None for d in stats.days),
        stress=tuple(d.stress for d in stats.days),
        recorded=tuple(d.recorded for d in stats.days),
        severity_label=text.chart_severity,
        stress_label=text.chart_stress,
        no_checkin_label=text.chart_no_checkin,
    )
