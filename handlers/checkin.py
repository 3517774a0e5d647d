"""/checkin, /log, the check-in buttons, and typed answers (numbers, notes)."""

from __future__ import annotations

import contextlib
from enum import Enum
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.error import BadRequest

from bot.services.checkins import Outcome
from bot.services.reminders import Snooze
from bot.services.results import CheckinResult
from handlers import callbacks, treatment_cycle
from handlers.common import answer, edit, reply, sender_id
from handlers.context import BotContext
from handlers.onboarding import continue_setup
from handlers.safety import reply_emergency
from handlers.views.checkin import (
    checkin_question,
    correct_menu,
    day_menu,
    moved_question,
    note_answer,
    snooze_options,
    tips_message,
)
from handlers.views.safety import care_text
from handlers.views.screen import Screen, with_cancel


async def checkin(update: Update, context: BotContext) -> None:
    """/checkin: answer a check-in now."""
    await _begin(update, context, "checkin")


async def log_episode(update: Update, context: BotContext) -> None:
    """/log: record a spasm happening now."""
    await _begin(update, context, "episode")


async def _begin(update: Update, context: BotContext, kind: str) -> None:
    services = context.services
    result = await services.checkins.begin(sender_id(update), kind)
    if result.outcome == Outcome.NEED_SETUP or result.view is None:
        await continue_setup(update, context)
        return
    if result.resumed:
        await reply(update, Screen(services.content.messages.checkin.in_progress))
    sent = await reply(update, checkin_question(services.content, result.view))
    await services.checkins.attach_message(result.view.id, sent.message_id)


async def button(update: Update, context: BotContext) -> None:
    """Any check-in button; old, finished or forged ones get a friendly answer and change nothing."""
    query = update.callback_query
    assert query is not None
    services = context.services
    text = services.content.messages.checkin
    parsed = callbacks.CHECKIN.parse(query.data)
    message_id = query.message.message_id if query.message else None
    if parsed is None:
        await answer(query, text.stale)
        return
    entry_id, step, value = parsed
    result = await services.checkins.press(sender_id(update), int(entry_id), step, value, message_id)
    if result.outcome == Outcome.STALE or result.view is None:
        await answer(query, text.stale)
        return
    if result.outcome in (Outcome.NEED_LOCATION, Outcome.DAY_TAKEN):
        await answer(
            query, text.pick_a_location if result.outcome == Outcome.NEED_LOCATION else text.day_taken
        )
        return
    if result.outcome == Outcome.NOTE_ASK:
        await answer(query)
        await reply(update, with_cancel(services.content, text.note_ask))
        return
    if result.emergency:  # before anything else, even acknowledging the tap
        services.escalation.remember(sender_id(update))
        await reply_emergency(context, update, tuple(result.emergency))
    await answer(query)
    if result.outcome == Outcome.CORRECT_MENU:
        shown = await edit(query, correct_menu(services.content, result.view))
    elif result.outcome == Outcome.DAY_MENU:
        shown = await edit(query, day_menu(services.content, result.view, result.days))
    elif result.moved_to is not None:
        shown = await edit(query, moved_question(services.content, result.view, result.moved_to))
    else:
        shown = await edit(query, checkin_question(services.content, result.view))
    if shown is not None:  # shown anew: its buttons are the live ones now
        await services.checkins.attach_message(result.view.id, shown.message_id)
    if result.outcome not in (Outcome.CORRECT_MENU, Outcome.DAY_MENU):
        await _send_tips(update, context, result)


NOTE_OUTCOMES = (Outcome.NOTE_SAVED, Outcome.NOTE_EMPTY, Outcome.NOTE_TOO_LONG)


class Typed(Enum):
    HANDLED = "handled"  # a number or a note the check-in was waiting for
    WAITING_FOR_TAP = "waiting_for_tap"  # a check-in is open at a step answered with buttons
    WAITING_FOR_NUMBER = "waiting_for_number"  # ... at a 0-10 step, and this was no number
    NOT_FOR_CHECKIN = "not_for_checkin"


async def typed(update: Update, context: BotContext, text: str) -> Typed:
    """A typed answer to the check-in step waiting for one."""
    services = context.services
    word = services.small_talk.button_word(text)
    result = await services.checkins.typed(sender_id(update), text, word)
    if result is not None and result.outcome == Outcome.DAY_FUTURE:
        await reply(update, Screen(services.content.messages.checkin.day_future))
        return Typed.HANDLED
    if result is None or result.view is None:
        return Typed.NOT_FOR_CHECKIN
    if result.outcome == Outcome.USE_BUTTONS:
        return Typed.WAITING_FOR_TAP
    if result.outcome == Outcome.NUMBER_HINT:  # a question asked meanwhile is answered first
        return Typed.WAITING_FOR_NUMBER
    if result.outcome in NOTE_OUTCOMES:
        await reply(update, note_answer(services.content, result.outcome, result.view))
    else:
        await _retire_keyboard(update, context, result.view.message_id)
        sent = await reply(update, checkin_question(services.content, result.view))
        await services.checkins.attach_message(result.view.id, sent.message_id)
        await _send_tips(update, context, result)
    return Typed.HANDLED


async def _retire_keyboard(update: Update, context: BotContext, message_id: int | None) -> None:
    """The question was answered by typing: its buttons would only confuse now."""
    if message_id is None or update.effective_chat is None:
        return
    with contextlib.suppress(BadRequest):  # already gone or too old to edit: nothing to tidy
        await context.bot.edit_message_reply_markup(update.effective_chat.id, message_id, reply_markup=None)


async def _send_tips(update: Update, context: BotContext, result: CheckinResult) -> None:
    """After a check-in is saved: tips for its triggers, then a "see a doctor soon" if due."""
    services = context.services
    if result.tips:
        await reply(update, Screen(tips_message(services.content, result.tips)))
    if result.care:
        await reply(update, Screen(care_text(services.content, result.care)))
    if result.completed:
        await treatment_cycle.after_checkin(update, context)


async def snooze_button(update: Update, context: BotContext) -> None:
    """z:<id> offers 1 h / 3 h / tomorrow; z:<id>:<minutes|tomorrow> snoozes the check-in."""
    query = update.callback_query
    assert query is not None and query.data is not None
    services = context.services
    text = services.content.messages.checkin
    menu, chosen = callbacks.SNOOZE_MENU.parse(query.data), callbacks.SNOOZE.parse(query.data)
    if menu is not None:
        await answer(query)
        await edit(query, snooze_options(services.content, int(menu[0])))
        return
    if chosen is None:
        await answer(query, text.stale)
        return
    checkin_id = int(chosen[0])
    minutes = None if chosen[1] == "tomorrow" else int(chosen[1])
    result = await services.reminders.snooze(sender_id(update), checkin_id, minutes)
    if result.outcome == Snooze.STALE:
        await answer(query, text.stale)
        return
    await answer(query)
    if result.outcome == Snooze.ONCE_A_DAY:
        await edit(query, Screen(text.snooze_once))
    elif result.outcome == Snooze.TOMORROW:
        await edit(query, Screen(text.snoozed_tomorrow))
    else:
        assert result.until is not None and result.timezone is not None
        local = result.until.astimezone(ZoneInfo(result.timezone)).strftime("%H:%M")
        await edit(query, Screen(text.snoozed.format(time=local)))


async def note_reply(update: Update, context: BotContext, text: str) -> bool:
    """A reply to one of the person's saved entry cards is a note on it; False when it is not."""
    message = update.effective_message
    replied = message.reply_to_message if message else None
    if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
        return False
    result = await context.services.notes.note_reply(sender_id(update), replied.message_id, text)
    if result is None or result.view is None:
        return False
    await reply(update, note_answer(context.services.content, result.outcome, result.view))
    return True
