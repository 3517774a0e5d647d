"""Plain service values rendered as text and inline keyboards, with wording from content/."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.config import Settings
from bot.content import Content, Tip
from bot.domain.checkin_flow import SLEEP_CHOICES, CheckinView
from bot.domain.schedule import format_minute
from bot.domain.vocab import DURATIONS, LOCATIONS, REDFLAG_BUTTONS, SCALE, TRIGGERS
from bot.services.users import Profile

CHECKIN_DATA = re.compile(r"^c:(\d{1,12}):([a-z_]{1,12}):([a-z_0-9]{1,12})\Z")


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None


def _rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def parse_checkin_data(data: str | None) -> tuple[int, str, str] | None:
    match = CHECKIN_DATA.match(data or "")
    return (int(match.group(1)), match.group(2), match.group(3)) if match else None


def _offer_default(content: Content, settings: Settings) -> bool:
    """The operator's DEFAULT_TIMEZONE is offered first, unless it is UTC or already a button."""
    zone = settings.default_timezone
    return zone not in ("UTC", "Etc/UTC") and all(b.zone != zone for b in content.zones.buttons)


def zone_keyboard(content: Content, settings: Settings) -> InlineKeyboardMarkup:
    buttons = [_button(b.label, f"tz:{i}") for i, b in enumerate(content.zones.buttons)]
    if _offer_default(content, settings):
        buttons.insert(0, _button(f"📍 {settings.default_timezone}", "tz:d"))
    return InlineKeyboardMarkup(_rows(buttons, 2))


def zone_for_button(content: Content, settings: Settings, data: str | None) -> str | None:
    key = (data or "").removeprefix("tz:")
    if key == "d":
        return settings.default_timezone if _offer_default(content, settings) else None
    buttons = content.zones.buttons
    return buttons[int(key)].zone if key.isdigit() and int(key) < len(buttons) else None


def time_keyboard(content: Content) -> InlineKeyboardMarkup:
    buttons = [_button(t, f"tm:{t.replace(':', '')}") for t in content.zones.checkin_times]
    return InlineKeyboardMarkup(_rows(buttons, 4))


def ask_timezone(content: Content, settings: Settings) -> Screen:
    return Screen(content.messages.onboarding.ask_timezone, zone_keyboard(content, settings))


def ask_time(content: Content) -> Screen:
    return Screen(content.messages.onboarding.ask_time, time_keyboard(content))


def next_checkin(content: Content, profile: Profile) -> str:
    if profile.next_due_at is None or profile.timezone is None:
        return content.messages.settings.next_none
    return profile.next_due_at.astimezone(ZoneInfo(profile.timezone)).strftime("%Y-%m-%d %H:%M")


def settings_overview(content: Content, profile: Profile) -> Screen:
    text = content.messages.settings
    body = text.overview.format(
        timezone=profile.timezone or "-",
        time=format_minute(profile.checkin_minute) if profile.checkin_minute is not None else "-",
        reminders=text.reminders_paused if profile.paused else text.reminders_on,
        next_checkin=next_checkin(content, profile),
    )
    summary = content.messages.summary
    when = summary.settings_button.format(
        day=summary.days[profile.summary_weekday], time=format_minute(profile.summary_minute)
    )
    keyboard = [
        [_button(text.change_timezone, "set:tz")],
        [_button(text.change_time, "set:time")],
        [_button(when, "set:sum")],
    ]
    return Screen(body, InlineKeyboardMarkup(keyboard))


def onboarding_done(content: Content, profile: Profile) -> str:
    assert profile.checkin_minute is not None
    return content.messages.onboarding.done.format(
        time=format_minute(profile.checkin_minute), timezone=profile.timezone
    )


def _scale(view: CheckinView, step: str) -> InlineKeyboardMarkup:
    buttons = [_button(str(n), f"c:{view.id}:{step}:{n}") for n in SCALE]
    return InlineKeyboardMarkup([buttons[:6], buttons[6:]])


def _multi(
    view: CheckinView, step: str, ids: Sequence[str], labels: dict[str, str], done: str
) -> InlineKeyboardMarkup:
    buttons = [
        _button(("✅ " if i in view.draft else "") + labels[i], f"c:{view.id}:{step}:{i}") for i in ids
    ]
    return InlineKeyboardMarkup([*_rows(buttons, 2), [_button(done, f"c:{view.id}:{step}:done")]])


def checkin_question(content: Content, view: CheckinView, *, scheduled: bool = False) -> Screen:
    """The screen for the step the check-in is at (or its finished card)."""
    text = content.messages.checkin
    if view.step == "done":
        return checkin_card(content, view)
    if view.step == "review":
        return review_card(content, view)
    question = _question(content, view, scheduled)
    if not view.review:
        return question
    header = "\n".join([text.understood_title, *understood_lines(content, view)])
    return Screen(f"{header}\n\n{question.text}", question.markup)


def _question(content: Content, view: CheckinView, scheduled: bool) -> Screen:
    text = content.messages.checkin
    if view.step == "spasm":
        intro = f"{text.scheduled_intro}\n\n" if scheduled else ""
        rows = [[_button(text.yes, f"c:{view.id}:spasm:y"), _button(text.no, f"c:{view.id}:spasm:n")]]
        if scheduled:
            rows.append([_button(text.later, f"z:{view.id}")])
        markup = InlineKeyboardMarkup(rows)
        return Screen(intro + text.ask_spasm, markup)
    if view.step == "locations":
        intro = f"{text.log_intro}\n\n" if view.kind == "episode" and not view.draft else ""
        return Screen(
            intro + text.ask_locations, _multi(view, "locations", LOCATIONS, text.locations, text.done)
        )
    if view.step == "severity":
        return Screen(text.ask_severity, _scale(view, "severity"))
    if view.step == "duration":
        buttons = [_button(text.durations[d], f"c:{view.id}:duration:{d}") for d in DURATIONS]
        return Screen(text.ask_duration, InlineKeyboardMarkup(_rows(buttons, 2)))
    if view.step == "redflags":
        safety = content.messages.safety
        buttons = [_button(safety.buttons[f], f"c:{view.id}:redflags:{f}") for f in REDFLAG_BUTTONS]
        rows = [[b] for b in buttons] + [[_button(safety.none_of_these, f"c:{view.id}:redflags:none")]]
        return Screen(safety.ask_redflags, InlineKeyboardMarkup(rows))
    if view.step == "stress":
        return Screen(text.ask_stress, _scale(view, "stress"))
    if view.step == "sleep":
        labels = {**{h: h for h in SLEEP_CHOICES}, "none": text.sleep_none}
        buttons = [_button(labels[h], f"c:{view.id}:sleep:{h}") for h in SLEEP_CHOICES]
        return Screen(text.ask_sleep, InlineKeyboardMarkup([*_rows(buttons[:-1], 4), buttons[-1:]]))
    return Screen(text.ask_triggers, _multi(view, "triggers", TRIGGERS, text.triggers, text.done))


def snooze_options(content: Content, checkin_id: int) -> Screen:
    text = content.messages.checkin
    buttons = [
        _button(text.snooze_1h, f"z:{checkin_id}:60"),
        _button(text.snooze_3h, f"z:{checkin_id}:180"),
        _button(text.snooze_tomorrow, f"z:{checkin_id}:tomorrow"),
    ]
    return Screen(text.snooze_ask, InlineKeyboardMarkup([buttons]))


def duration_text(content: Content, view: CheckinView) -> str:
    """Minutes as typed ("20 min", "4 h"), else the duration button's label."""
    text = content.messages.checkin
    minutes = view.duration_minutes
    if minutes is None:
        return text.durations.get(view.duration or "", "-")
    if minutes <= 1:  # "10 seconds" and "a minute" alike: read as whole minutes, at least one
        return text.about_a_minute
    if minutes < 60:
        return text.minutes.format(count=minutes)
    if minutes < 1440 or minutes % 1440:
        return text.hours.format(count=f"{minutes / 60:g}")
    return text.days.format(count=minutes // 1440)


def _names(labels: dict[str, str], ids: Sequence[str]) -> str:
    return ", ".join(labels[i] for i in ids)


def understood_lines(content: Content, view: CheckinView) -> list[str]:
    """What a free-text report has given so far, one line each."""
    text = content.messages.checkin
    lines: list[str] = []
    if view.had_spasm is False:
        lines.append(text.line_no_spasm)
    elif view.had_spasm:
        lines.append(text.seen_spasm)
        if view.locations:
            lines.append(text.seen_where.format(locations=_names(text.locations, view.locations)))
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
        lines.append(text.line_sleep.format(hours=f"{view.sleep_hours:g}"))
    if view.triggers:
        lines.append(text.line_triggers.format(triggers=_names(text.triggers, view.triggers)))
    return lines


def review_card(content: Content, view: CheckinView) -> Screen:
    text = content.messages.checkin
    lines = [text.understood_title, *understood_lines(content, view), "", text.review_ask]
    markup = InlineKeyboardMarkup(
        [[_button(text.save, f"c:{view.id}:review:save"), _button(text.edit, f"c:{view.id}:review:edit")]]
    )
    return Screen("\n".join(lines), markup)


def summary_lines(content: Content, view: CheckinView) -> list[str]:
    text = content.messages.checkin
    if view.review:
        return [text.understood_title, *understood_lines(content, view)]
    lines = [text.saved_title.format(date=view.local_date.isoformat())]
    if view.had_spasm:
        lines.append(
            text.line_spasm.format(
                locations=_names(text.locations, view.locations),
                severity=view.severity,
                duration=duration_text(content, view),
            )
        )
    else:
        lines.append(text.line_no_spasm)
    if view.red_flags:
        flags = _names(content.messages.safety.buttons, view.red_flags)
        lines.append(text.line_redflags.format(flags=flags))
    lines.append(text.line_stress.format(stress=view.stress))
    if view.sleep_hours is not None:
        lines.append(text.line_sleep.format(hours=f"{view.sleep_hours:g}"))
    if view.triggers:
        lines.append(text.line_triggers.format(triggers=_names(text.triggers, view.triggers)))
    else:
        lines.append(text.line_no_triggers)
    if view.note:
        lines.append(text.line_note.format(note=view.note))
    return lines


def checkin_card(content: Content, view: CheckinView) -> Screen:
    text = content.messages.checkin
    lines = summary_lines(content, view)
    if not view.note:
        lines += ["", text.note_prompt]
    markup = InlineKeyboardMarkup(
        [[_button(text.add_note, f"c:{view.id}:card:note"), _button(text.correct, f"c:{view.id}:card:fix")]]
    )
    return Screen("\n".join(lines), markup)


def correct_menu(content: Content, view: CheckinView) -> Screen:
    text = content.messages.checkin
    fields = (("spasm", text.field_spasm), ("stress", text.field_stress), ("triggers", text.field_triggers),
              ("sleep", text.field_sleep))  # fmt: skip
    buttons = [_button(label, f"c:{view.id}:card:{field}") for field, label in fields]
    lines = summary_lines(content, view)
    markup = InlineKeyboardMarkup([*_rows(buttons, 2), [_button(text.back, f"c:{view.id}:card:back")]])
    return Screen("\n".join([*lines, "", text.correct_title]), markup)


def tips_message(content: Content, tips: Sequence[Tip], source_title: dict[str, str]) -> str:
    text = content.messages.checkin
    lines = [text.tips_title]
    lines += [text.tip_line.format(text=tip.text, source=source_title[tip.source]) for tip in tips]
    return "\n".join(lines)


def _join(content: Content, parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {content.messages.safety.and_word} {parts[-1]}"


def emergency_text(content: Content, number: str, reasons: Sequence[str]) -> str:
    safety = content.messages.safety
    return safety.emergency.format(
        number=number, reasons=_join(content, [safety.reasons[r] for r in reasons])
    )


def still_urgent_text(content: Content, number: str) -> str:
    return content.messages.safety.still_urgent.format(number=number)


def urgent_text(content: Content, number: str, reasons: Sequence[str]) -> str:
    safety = content.messages.safety
    return safety.urgent.format(
        number=number, reasons=_join(content, [safety.urgent_reasons[r] for r in reasons])
    )


def care_text(content: Content, reasons: Sequence[str]) -> str:
    safety = content.messages.safety
    return safety.prompt_care.format(reasons=_join(content, [safety.urgent_reasons[r] for r in reasons]))
