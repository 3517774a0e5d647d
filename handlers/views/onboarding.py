"""Onboarding and settings: the time zone and time keyboards, the settings overview."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.config import Settings
from bot.content import Content
from bot.domain.schedule import format_minute, is_fixed_offset, known_zone
from bot.domain.slots import MAX_CHECKINS
from bot.services.users import Profile
from handlers import callbacks
from handlers.views.screen import Screen, button, cancel_button, in_rows


def _offer_default(content: Content, settings: Settings) -> bool:
    """The operator's DEFAULT_TIMEZONE is offered first, unless it is UTC or already a button."""
    zone = settings.default_timezone
    return zone not in ("UTC", "Etc/UTC") and all(b.zone != zone for b in content.zones.buttons)


def zone_keyboard(content: Content, settings: Settings) -> InlineKeyboardMarkup:
    buttons = [button(b.label, callbacks.ZONE.build(b.zone)) for b in content.zones.buttons]
    if _offer_default(content, settings):
        buttons.insert(0, button(f"📍 {settings.default_timezone}", callbacks.ZONE.build("d")))
    return InlineKeyboardMarkup(in_rows(buttons, 2))


def zone_for_button(content: Content, settings: Settings, data: str | None) -> str | None:
    parsed = callbacks.ZONE.parse(data)
    if parsed is None:
        return None
    key = parsed[0]
    if key == "d":
        return settings.default_timezone if _offer_default(content, settings) else None
    buttons = content.zones.buttons
    if key.isdigit():
        return buttons[int(key)].zone if int(key) < len(buttons) else None
    return key if known_zone(key) else None


def time_keyboard(content: Content) -> InlineKeyboardMarkup:
    buttons = [
        button(t, callbacks.CHECKIN_TIME.build(t.replace(":", ""))) for t in content.zones.checkin_times
    ]
    return InlineKeyboardMarkup(in_rows(buttons, 4))


def ask_timezone(content: Content, settings: Settings, *, changing: bool = False) -> Screen:
    """The time zone question: at onboarding, or (with a Cancel button) from /settings."""
    if not changing:
        return Screen(content.messages.onboarding.ask_timezone, zone_keyboard(content, settings))
    rows = [*zone_keyboard(content, settings).inline_keyboard, [cancel_button(content)]]
    return Screen(content.messages.settings.ask_timezone, InlineKeyboardMarkup(rows))


def ask_time(content: Content, *, changing: bool = False, question: str | None = None) -> Screen:
    if not changing:
        return Screen(content.messages.onboarding.ask_time, time_keyboard(content))
    rows = [*time_keyboard(content).inline_keyboard, [cancel_button(content)]]
    return Screen(question or content.messages.settings.ask_time, InlineKeyboardMarkup(rows))


def next_checkin(content: Content, profile: Profile) -> str:
    if profile.next_due_at is None or profile.timezone is None:
        return content.messages.settings.next_none
    local = profile.next_due_at.astimezone(ZoneInfo(profile.timezone))
    return f"{content.day(local.date())} {local:%H:%M}"


def times_text(profile: Profile) -> str:
    """ "08:00, 21:30": every daily check-in, earliest first."""
    return ", ".join(format_minute(t) for t in profile.checkin_times) or "-"


def time_buttons(content: Content, profile: Profile) -> list[list[InlineKeyboardButton]]:
    """One time: change it. Several: move or remove each. Fewer than three: add one."""
    text = content.messages.settings
    times = profile.checkin_times
    if len(times) <= 1:
        rows = [[button(text.change_time, callbacks.SETTING.build("time"))]]
    else:
        rows = [
            [
                button(text.move_time.format(time=format_minute(t)), callbacks.CHECKIN_SLOT.build("mv", t)),
                button(text.remove_time.format(time=format_minute(t)), callbacks.CHECKIN_SLOT.build("rm", t)),
            ]
            for t in times
        ]
    if len(times) < MAX_CHECKINS:
        rows.append([button(text.add_time, callbacks.CHECKIN_SLOT.build("add", 0))])
    return rows


def settings_overview(content: Content, profile: Profile) -> Screen:
    text = content.messages.settings
    body = text.overview.format(
        timezone=zone_label(profile.timezone) if profile.timezone else "-",
        time=times_text(profile),
        reminders=text.reminders_paused if profile.paused else text.reminders_on,
        next_checkin=next_checkin(content, profile),
    )
    summary = content.messages.summary
    when = summary.settings_button.format(
        day=summary.days[profile.summary_weekday], time=format_minute(profile.summary_minute)
    )
    keyboard = [
        [button(text.change_timezone, callbacks.SETTING.build("tz"))],
        *time_buttons(content, profile),
        [button(when, callbacks.SUMMARY_SETTING.build("sum"))],
    ]
    return Screen(body, InlineKeyboardMarkup(keyboard))


def onboarding_done(content: Content, profile: Profile) -> str:
    return content.messages.onboarding.done.format(
        time=times_text(profile), timezone=zone_label(profile.timezone or "")
    )


def zone_label(zone: str) -> str:
    """A zone as a person reads it: "Etc/GMT-2" (whose sign runs the other way) is "UTC+2"."""
    if not is_fixed_offset(zone):
        return zone
    return f"UTC{'+' if zone[7] == '-' else '-'}{zone[8:]}"


def zone_saved(content: Content, zone: str) -> str:
    text = content.messages.settings
    saved = text.timezone_saved.format(timezone=zone_label(zone))
    return f"{saved}\n{text.fixed_offset_note}" if is_fixed_offset(zone) else saved
