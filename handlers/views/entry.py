"""An entry's answers as lines of text: as understood from free text, and as saved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.content import Content
from bot.content.wording import plural
from bot.domain.checkin_flow import CheckinView


def duration_text(content: Content, view: CheckinView) -> str:
    return duration_text_of(content, view.duration, view.duration_minutes)


def duration_text_of(content: Content, duration: str | None, minutes: int | None) -> str:
    """Minutes as typed ("20 min", "4 h"), else the duration button's label."""
    text = content.messages.checkin
    if minutes is None:
        return text.durations.get(duration or "", text.duration_unknown)
    if minutes <= 1:  # "10 seconds" and "a minute" alike: read as whole minutes, at least one
        return text.about_a_minute
    if minutes < 60:
        return text.minutes.format(count=minutes)
    if minutes < 1440 or minutes % 1440:
        return text.hours.format(count=content.number(minutes / 60))
    return plural(text.days, minutes // 1440)


def _names(labels: dict[str, str], ids: Sequence[str]) -> str:
    return ", ".join(labels[i] for i in ids)


def day_name(content: Content, day: date) -> str:
    """ "Tuesday, 2026-12-08", "martes, 8 dic 2026"."""
    return f"{content.messages.summary.days[day.weekday()]}, {content.day(day)}"


def understood_lines(content: Content, view: CheckinView) -> list[str]:
    """What a free-text report has given so far, one line each."""
    text = content.messages.checkin
    lines: list[str] = [text.seen_day.format(day=day_name(content, view.local_date))]
    if view.had_spasm is False:
        lines.append(text.line_no_spasm)
    elif view.had_spasm:
        lines.append(text.seen_spasm)
        if view.locations:
            lines.append(text.seen_where.format(locations=places_text(content, view)))
        if view.severity is not None:
            lines.append(text.seen_strength.format(severity=view.severity))
        if view.duration is not None:
            lines.append(text.seen_duration.format(duration=duration_text(content, view)))
        if view.red_flags:
            flags = _names(content.messages.safety.buttons, view.red_flags)
            lines.append(text.line_redflags.format(flags=flags))
    if view.stress is not None:
        lines.append(text.line_stress.format(stress=view.stress))
    if view.sleep_hours is not None:
        lines.append(text.line_sleep.format(hours=content.number(view.sleep_hours)))
    if view.triggers:
        lines.append(text.line_triggers.format(triggers=_names(text.triggers, view.triggers)))
    return lines


def entry_lines(content: Content, view: CheckinView) -> list[str]:
    text = content.messages.checkin
    if view.review:
        return [text.understood_title, *understood_lines(content, view)]
    lines = [text.saved_title.format(date=content.day(view.local_date))]
    if view.had_spasm:
        lines.append(
            text.line_spasm.format(
                locations=places_text(content, view),
                severity=view.severity,
                duration=duration_text(content, view),
            )
        )
    elif view.had_spasm is False:  # not asked yet (a morning left after sleep): nothing to say
        lines.append(text.line_no_spasm)
    if view.red_flags:
        flags = _names(content.messages.safety.buttons, view.red_flags)
        lines.append(text.line_redflags.format(flags=flags))
    if view.stress is not None:  # a morning check-in does not ask it
        lines.append(text.line_stress.format(stress=view.stress))
    if view.sleep_hours is not None:
        lines.append(text.line_sleep.format(hours=content.number(view.sleep_hours)))
    if view.triggers:
        lines.append(text.line_triggers.format(triggers=_names(text.triggers, view.triggers)))
    elif view.kind != "morning":
        lines.append(text.line_no_triggers)
    lines += [text.line_note.format(note=note.text) for note in view.notes]
    return lines


def places_text(content: Content, view: CheckinView) -> str:
    """ "Eyelid (left), Cheek": each place, with its side where one is known."""
    return ", ".join(place_label(content, place, view.side_of(place)) for place in view.locations)


def place_label(content: Content, place: str, side: str | None) -> str:
    """ "Eyelid (left)", or "Eyelid" when no side is known."""
    text = content.messages.checkin
    label = text.locations[place]
    return text.place_side.format(place=label, side=text.side_names[side]) if side else label
