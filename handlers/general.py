"""/help, text nobody is waiting for, unknown commands, and the error handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import MessageLimit

from bot.language.normalise import ZERO_WIDTH
from bot.services.alerts import describe
from bot.services.users import Awaiting
from bot.storage import update_scope
from bot.storage.fencing import NotLeader
from handlers import admin, cancel, checkin, knowledge, onboarding, summary, treatment
from handlers.common import message_text, reply, sender_id
from handlers.context import BotContext
from handlers.views.screen import Screen

log = logging.getLogger(__name__)


async def help_command(update: Update, context: BotContext) -> None:
    """/help: everything the bot can do."""
    await reply(update, Screen(context.services.content.messages.general.help))


async def text(update: Update, context: BotContext) -> None:
    """Typed text: a time zone or time being asked for, a check-in answer, or a friendly pointer."""
    typed = message_text(update).strip()
    general = context.services.content.messages.general
    if not typed.translate(ZERO_WIDTH).strip():
        await reply(update, Screen(general.unknown_text))
        return
    if len(typed) > MessageLimit.MAX_TEXT_LENGTH:  # only a forged update can be longer
        await reply(update, Screen(general.too_long))
        return
    if context.services.small_talk.button_word(typed) == "cancel":
        await cancel.cancel(update, context)
        return
    profile = await context.services.users.profile(sender_id(update))
    if profile is None:
        await onboarding.continue_setup(update, context)
        return
    if profile.awaiting == Awaiting.TIMEZONE:
        await onboarding.typed_zone(update, context, typed)
        return
    if profile.awaiting in (Awaiting.TIME, Awaiting.MOVE_TIME, Awaiting.ADD_TIME):
        await onboarding.typed_time(update, context, typed)
        return
    if profile.awaiting == Awaiting.SUMMARY_TIME:
        await summary.save_time(update, context, typed)
        return
    if await checkin.note_reply(update, context, typed):
        return
    if await treatment.typed(update, context, typed, before_checkin=True):  # not a spasm report
        return
    waiting = await checkin.typed(update, context, typed)
    if waiting == checkin.Typed.HANDLED:
        if context.services.treatment_drafts.injection_told_with_report(typed):
            await reply(update, Screen(context.services.content.messages.treatment.injection_not_from_report))
        return
    if await treatment.typed(update, context, typed):  # "had my botox today", "started clonazepam"
        return
    # Not an answer a check-in is waiting for: perhaps a question about spasms. While a 0-10
    # answer is awaited, only a question with an answer is taken for one; the rest gets the hint.
    messages = context.services.content.messages
    waiting_for_number = waiting == checkin.Typed.WAITING_FOR_NUMBER
    if await knowledge.question(update, context, typed, strict=waiting_for_number):
        return
    if waiting_for_number:
        await reply(update, Screen(messages.checkin.number_hint))
        return
    waiting_for_tap = waiting == checkin.Typed.WAITING_FOR_TAP
    talk = context.services.small_talk.kind(typed)
    if talk is not None:
        answer = messages.general.thanks_reply if talk == "thanks" else messages.general.greeting_reply
        await reply(
            update, Screen(f"{answer}\n\n{messages.checkin.use_buttons}" if waiting_for_tap else answer)
        )
        return
    await reply(
        update, Screen(messages.checkin.use_buttons if waiting_for_tap else messages.general.unknown_text)
    )


async def not_text(update: Update, context: BotContext) -> None:
    """A sticker, photo, voice message, location...: the bot reads typed text only."""
    general = context.services.content.messages.general
    empty_text = update.effective_message is not None and update.effective_message.text is not None
    await reply(update, Screen(general.unknown_text if empty_text else general.not_text))


async def edited(update: Update, context: BotContext) -> None:
    """An edit is not a new answer (red-flag triage has already read it)."""
    await reply(update, Screen(context.services.content.messages.general.edited))


async def forwarded(update: Update, context: BotContext) -> None:
    """Someone else's words, or older ones: not recorded (red-flag triage has already read them)."""
    await reply(update, Screen(context.services.content.messages.general.forwarded))


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not have."""
    await reply(update, Screen(context.services.content.messages.general.unknown_command))


async def unknown_button(update: Update, context: BotContext) -> None:
    """Callback data no handler recognises (old versions, forged presses)."""
    assert update.callback_query is not None
    await update.callback_query.answer(
        context.services.content.messages.general.button_expired, show_alert=True
    )


async def on_error(update: object, context: BotContext) -> None:
    """Log the failure without personal data, tell the person, so no exception reaches them raw,
    and alert the operators."""
    scope = update_scope.active()
    if scope is not None:  # the failed update's unsaved effects go; the apology must not commit them
        await scope.discard()
    if isinstance(context.error, NotLeader):  # another process handles this update, and answers
        log.warning("an update was left to the process that leads now")
        return
    # Types and code locations only: an exception's text may quote what the person wrote.
    error = describe(context.error)
    log.error("unhandled error: %s at %s\n%s", error.kind, error.where, error.stack)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(
                update.effective_chat.id, context.services.content.messages.general.error
            )
        except Exception:  # the apology itself failed (Telegram down): the log above is what remains
            log.warning("could not send the error apology")
    await admin.alert(context, error)
