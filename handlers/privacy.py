"""/privacy, /delete, and chats that are not private (the bot says why it leaves, then leaves)."""

from __future__ import annotations

import contextlib
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.storage.update_scope import outside
from handlers import callbacks
from handlers.common import answer, edit, reply, sender_id
from handlers.context import BotContext
from handlers.views.screen import Screen
from handlers.webapp.button import unlabel_menu

log = logging.getLogger(__name__)


async def privacy(update: Update, context: BotContext) -> None:
    await reply(update, Screen(context.services.content.messages.privacy.privacy))


async def delete(update: Update, context: BotContext) -> None:
    """/delete: ask first; nothing is removed until the person confirms."""
    text = context.services.content.messages.privacy
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton(text.delete_yes, callback_data=callbacks.ERASE.build("yes"))],
         [InlineKeyboardButton(text.delete_no, callback_data=callbacks.ERASE.build("no"))]]
    )  # fmt: skip
    await reply(update, Screen(text.delete_ask, markup))


async def delete_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    services = context.services
    text = services.content.messages.privacy
    await answer(query)
    if callbacks.ERASE.parse(query.data) != ("yes",):
        await edit(query, Screen(text.delete_cancelled))
        return
    had_data = await services.erase.erase(sender_id(update))
    await edit(query, Screen(text.deleted if had_data else text.nothing_stored))
    await unlabel_menu(context.bot, services, sender_id(update))


async def forget_if_not_private(update: Update, context: BotContext) -> None:
    """Before anything else handles it: a stored update from a group or channel is deleted, so
    nothing said there is kept (it is still screened and answered)."""
    chat = update.effective_chat
    if chat is None or chat.type == chat.PRIVATE:
        return  # private chats (all the diary's own) never wait for this
    try:
        with outside():  # committed at once, whatever the rest of the handling does
            await context.services.erase.forget_update(update.update_id)
    except Exception as exc:  # the 3-day purge removes it anyway; screening must go on
        log.warning("could not forget a non-private update: %s", type(exc).__name__)


async def not_private(update: Update, context: BotContext) -> None:
    """A group, supergroup or channel: health data does not belong there. Say so, then leave."""
    chat = update.effective_chat
    if chat is None or chat.type == chat.PRIVATE:
        return
    added = update.my_chat_member is None or update.my_chat_member.new_chat_member.status in (
        "member", "administrator",
    )  # fmt: skip
    if not added:
        return  # removed or left already: nothing to say
    with contextlib.suppress(TelegramError):  # may not be allowed to write there; leave all the same
        await context.bot.send_message(chat.id, context.services.content.messages.privacy.private_only)
    try:
        await chat.leave()
    except TelegramError as exc:
        log.warning("could not leave a non-private chat: %s", type(exc).__name__)
