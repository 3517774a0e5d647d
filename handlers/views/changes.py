"""What a draft of changes would do to a saved entry, as "Stress: 5 → 8", shown before Save."""

from __future__ import annotations

from collections.abc import Callable

from bot.content import Content
from bot.domain.checkin_flow import CheckinView
from handlers.views.entry import day_name, duration_text, places_text


def _values(content: Content) -> list[tuple[str, Callable[[CheckinView], str]]]:
    text = content.messages.checkin
    none, unset = text.value_none, text.value_unset

    def names(labels: dict[str, str], ids: tuple[str, ...]) -> str:
        return ", ".join(labels[i] for i in ids) or none

    return [
        (text.field_spasm, lambda v: unset if v.had_spasm is None else (text.yes if v.had_spasm else none)),
        (text.field_where, lambda v: places_text(content, v) or (none if v.had_spasm is False else unset)),
        (text.field_strength, lambda v: unset if v.severity is None else f"{v.severity}/10"),
        (text.field_duration, lambda v: unset if v.duration is None else duration_text(content, v)),
        (text.field_redflags, lambda v: names(content.messages.safety.buttons, v.red_flags)),
        (text.field_stress, lambda v: unset if v.stress is None else f"{v.stress}/10"),
        (
            text.field_sleep,
            lambda v: unset if v.sleep_hours is None else f"{content.number(v.sleep_hours)} h",
        ),
        (text.field_triggers, lambda v: names(text.triggers, v.triggers)),
    ]


def change_lines(content: Content, view: CheckinView) -> list[str]:
    """The title, then one line per answer the draft changes; a line saying so if none."""
    assert view.before is not None
    text = content.messages.checkin
    lines = [text.change_title.format(date=day_name(content, view.before.local_date))]
    for field, value in _values(content):
        old, new = value(view.before), value(view)
        if old != new:
            lines.append(text.change_line.format(field=field, old=old, new=new))
    return lines if len(lines) > 1 else [*lines, text.no_change]
