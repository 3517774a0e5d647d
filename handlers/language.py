"""The language each update is answered in, and /language to choose it."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.content.loader import ENGLISH
from bot.services.languages import current
from handlers import callbacks
from handlers.common import chat_id, edit, reply, sender_id, tapped
from handlers.context import BotContext
from handlers.views.screen import Screen
from handlers.webapp.button import label_menu


async def use_persons(update: Update, context: BotContext) -> None:
    """Before anything else: every word looked up for this update comes in the person's language."""
    user = update.effective_user
    if user is None:
        current.set(ENGLISH)
        return
    current.set(await context.services.languages.of(user.id, user.language_code))


def _choices(context: BotContext) -> Screen:
    languages = context.services.languages
    text = context.services.content.messages.language
    if len(languages.offered) < 2:
        return Screen(text.only_one)
    rows = [
        [InlineKeyboardButton(name, callback_data=callbacks.LANGUAGE.build(code))]
        for code, name in languages.names()
    ]
    return Screen(text.ask, InlineKeyboardMarkup(rows))


async def language(update: Update, context: BotContext) -> None:
    """/language: the languages offered, each under its own name."""
    await reply(update, _choices(context))


async def language_button(update: Update, context: BotContext) -> None:
    query, (code,) = await tapped(update, callbacks.LANGUAGE)
    messages = context.services.content.messages
    if code not in context.services.languages.offered:
        await edit(query, Screen(messages.general.button_expired))
        return
    if not await context.services.languages.choose(sender_id(update), code):
        await edit(query, Screen(messages.onboarding.not_started))
        return
    current.set(code)  # the answer already comes in the new language
    await edit(query, Screen(context.services.content.messages.language.saved))
    await label_menu(context.bot, context.services, chat_id(update), chosen=True)
