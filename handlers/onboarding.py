"""/start, time zone and check-in time choices, /settings, /pause and /resume."""

from __future__ import annotations

from telegram import Update

from bot.domain.schedule import format_minute, parse_time
from bot.domain.slots import MAX_CHECKINS
from bot.services.languages import current
from bot.services.users import Awaiting, Profile, TimeChange
from handlers import callbacks, knowledge
from handlers.common import answer, chat_id, edit, reply, sender_id
from handlers.context import BotContext
from handlers.views.onboarding import (
    ask_time,
    ask_timezone,
    next_checkin,
    onboarding_done,
    settings_overview,
    time_keyboard,
    times_text,
    zone_for_button,
    zone_keyboard,
    zone_saved,
)
from handlers.views.screen import Screen
from handlers.webapp.button import label_menu


def _next_question(context: BotContext, profile: Profile) -> Screen:
    content = context.services.content
    if profile.set_up:
        return Screen(onboarding_done(content, profile))
    if profile.awaiting == Awaiting.TIME or profile.timezone is not None:
        return ask_time(content)
    return ask_timezone(content, context.services.settings)


async def start(update: Update, context: BotContext) -> None:
    """Welcome a new person; show the settings of someone already set up."""
    services = context.services
    text = services.content.messages.onboarding
    profile = await services.users.start(sender_id(update), chat_id(update))
    await services.languages.adopt(sender_id(update), current.get())
    if profile.is_new:
        await reply(update, Screen(text.welcome))
        await label_menu(context.bot, services, chat_id(update))
    elif profile.set_up:
        await reply(update, Screen(text.welcome_back))
        await reply(update, settings_overview(services.content, profile))
        return
    else:
        await reply(update, Screen(text.need_setup))
    await reply(update, _next_question(context, profile))


async def continue_setup(update: Update, context: BotContext) -> None:
    """Anything but /start: someone with no diary is pointed to /start and nothing is stored
    (after /delete, nothing about them comes back until they ask); anyone else carries on."""
    if await context.services.users.profile(sender_id(update)) is None:
        await reply(update, Screen(context.services.content.messages.onboarding.not_started))
        return
    await start(update, context)


async def show_settings(update: Update, context: BotContext) -> None:
    """/settings: the current settings with buttons to change them."""
    profile = await context.services.users.profile(sender_id(update), stop_asking=True)
    if profile is None or not profile.set_up:
        await continue_setup(update, context)
        return
    await reply(update, settings_overview(context.services.content, profile))


async def settings_button(update: Update, context: BotContext) -> None:
    """A 'change time zone' or 'change time' button."""
    query = update.callback_query
    assert query is not None
    await answer(query)
    what = Awaiting.TIMEZONE if callbacks.SETTING.parse(query.data) == ("tz",) else Awaiting.TIME
    current = await context.services.users.profile(sender_id(update))
    if what == Awaiting.TIME and current is not None and len(current.checkin_times) > 1:
        await edit(query, settings_overview(context.services.content, current))  # an old button
        return
    profile = await context.services.users.ask(sender_id(update), what)
    if profile is None:
        await continue_setup(update, context)
        return
    content = context.services.content
    await edit(
        query,
        ask_timezone(content, context.services.settings, changing=True)
        if what == Awaiting.TIMEZONE
        else ask_time(content, changing=True),
    )


async def slot_button(update: Update, context: BotContext) -> None:
    """Move or remove one of several daily check-ins, or add one."""
    query = update.callback_query
    assert query is not None
    parsed = callbacks.CHECKIN_SLOT.parse(query.data)
    services = context.services
    text = services.content.messages.settings
    profile = await services.users.profile(sender_id(update))
    if parsed is None or profile is None or not profile.set_up:
        await answer(query, services.content.messages.general.button_expired)
        return
    action, minute = parsed[0], int(parsed[1])
    if action != "add" and minute not in profile.checkin_times:  # moved or removed meanwhile
        await answer(query, services.content.messages.general.button_expired)
        return
    await answer(query)
    if action == "rm":
        result = await services.users.remove_checkin_time(sender_id(update), minute)
        if result is not None and result[0]:
            removed = text.time_removed.format(time=format_minute(minute), times=times_text(result[1]))
            await _confirm(update, context, removed, result[1], in_place=True)
        elif result is not None:  # the last one: nothing to remove
            await reply(update, settings_overview(services.content, result[1]))
        return
    if action == "add" and len(profile.checkin_times) >= MAX_CHECKINS:
        await edit(query, Screen(text.times_full.format(count=MAX_CHECKINS)))
        return
    what = Awaiting.ADD_TIME if action == "add" else Awaiting.MOVE_TIME
    await services.users.ask(sender_id(update), what, None if action == "add" else minute)
    question = text.ask_add_time if action == "add" else text.ask_move_time.format(time=format_minute(minute))
    await edit(query, ask_time(services.content, changing=True, question=question))


async def zone_button(update: Update, context: BotContext) -> None:
    """A time zone button from the onboarding or settings list."""
    query = update.callback_query
    assert query is not None and query.data is not None
    zone = zone_for_button(context.services.content, context.services.settings, query.data)
    if zone is None:
        await answer(query, context.services.content.messages.general.button_expired)
        return
    await answer(query)
    await _save_zone(update, context, zone, in_place=True)


async def time_button(update: Update, context: BotContext) -> None:
    """A check-in time button."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer(query)
    parsed = callbacks.CHECKIN_TIME.parse(query.data)
    raw = parsed[0] if parsed else ""
    await _save_time(update, context, f"{raw[:2]}:{raw[2:]}", in_place=True)


async def typed_zone(update: Update, context: BotContext, text: str) -> None:
    await _save_zone(update, context, text, in_place=False)


async def typed_time(update: Update, context: BotContext, text: str) -> None:
    await _save_time(update, context, text, in_place=False)


async def _save_zone(update: Update, context: BotContext, text: str, *, in_place: bool) -> None:
    services = context.services
    result = await services.users.set_timezone(sender_id(update), text)
    if result is None:
        await continue_setup(update, context)
        return
    if not result.ok:
        if await _asked(update, context, text):
            changing = result.profile.set_up
            await reply(update, ask_timezone(services.content, services.settings, changing=changing))
            return
        retry = services.content.messages.onboarding.timezone_unknown.format(text=_echo(text, 64))
        await reply(update, Screen(retry, zone_keyboard(services.content, services.settings)))
        return
    saved = zone_saved(services.content, result.profile.timezone or "")
    await _confirm(update, context, saved, result.profile, in_place=in_place)


async def _save_time(update: Update, context: BotContext, text: str, *, in_place: bool) -> None:
    services = context.services
    result = await services.users.set_checkin_time(sender_id(update), text)
    if result is None:
        await continue_setup(update, context)
        return
    wording = services.content.messages.settings
    if result.change == TimeChange.FULL:
        await reply(update, Screen(wording.times_full.format(count=MAX_CHECKINS)))
        return
    if result.change == TimeChange.STALE:  # which check-in to change is chosen in /settings
        await reply(update, settings_overview(services.content, result.profile))
        return
    if not result.ok and result.change != TimeChange.TOO_CLOSE and await _asked(update, context, text):
        await reply(update, ask_time(services.content, changing=result.profile.set_up))
        return
    if not result.ok:
        retry = services.content.messages.onboarding.time_invalid.format(text=_echo(text, 32))
        if result.change == TimeChange.TOO_CLOSE:
            retry = wording.time_too_close.format(time=format_minute(parse_time(text) or 0))
        await reply(update, Screen(retry, time_keyboard(services.content)))
        return
    if len(result.profile.checkin_times) > 1:
        saved = wording.time_added.format(times=times_text(result.profile))
    else:
        saved = wording.time_saved.format(time=times_text(result.profile))
    await _confirm(update, context, saved, result.profile, in_place=in_place)


async def _asked(update: Update, context: BotContext, text: str) -> bool:
    """A question typed where a place or a time was asked for ("what is a time zone?") is answered,
    or honestly not, rather than read as a place no map knows; the caller asks again."""
    if not context.services.knowledge.index.looks_like_question(text):
        return False
    return await knowledge.question(update, context, text)


def _echo(text: str, limit: int) -> str:
    """What was typed, shown back in a reply: cut visibly when it is long."""
    return text if len(text) <= limit else f"{text[: limit - 1].rstrip()}…"


async def _confirm(
    update: Update, context: BotContext, saved: str, profile: Profile, *, in_place: bool
) -> None:
    if in_place and update.callback_query is not None:
        await edit(update.callback_query, Screen(saved))
    else:
        await reply(update, Screen(saved))
    await reply(update, _next_question(context, profile))


async def pause(update: Update, context: BotContext) -> None:
    """/pause: stop the daily reminders."""
    await _set_paused(update, context, True)


async def resume(update: Update, context: BotContext) -> None:
    """/resume: restart the daily reminders."""
    await _set_paused(update, context, False)


async def _set_paused(update: Update, context: BotContext, paused: bool) -> None:
    services = context.services
    result = await services.users.set_paused(sender_id(update), paused)
    if result is None or not result[1].set_up:
        await continue_setup(update, context)
        return
    changed, profile = result
    text = services.content.messages.settings
    if paused:
        await reply(update, Screen(text.paused if changed else text.already_paused))
        return
    template = text.resumed if changed else text.already_on
    await reply(update, Screen(template.format(next_checkin=next_checkin(services.content, profile))))
