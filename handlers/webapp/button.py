"""What opens the Mini App, when it is served: a button under /summary and /history, and the
chat's menu button in the person's own language."""

from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardButton, MenuButtonDefault, MenuButtonWebApp, WebAppInfo
from telegram.error import TelegramError

from bot.content.loader import ENGLISH
from bot.services.languages import current
from bot.services.registry import Services

log = logging.getLogger(__name__)


def open_row(services: Services) -> list[list[InlineKeyboardButton]]:
    """A row with the button, or no row when no WEBAPP_URL is set."""
    url = services.settings.webapp_url
    if not url:
        return []
    return [[InlineKeyboardButton(services.content.messages.webapp.open_button, web_app=WebAppInfo(url))]]


async def label_menu(bot: Bot, services: Services, chat_id: int, *, chosen: bool = False) -> None:
    """The bot's menu button is labelled in English for everyone; a person who writes in another
    language (or has just chosen one) gets it in theirs. Without it the page still opens."""
    url = services.settings.webapp_url
    if not url or (current.get() == ENGLISH and not chosen):
        return
    label = services.content.messages.webapp.menu_button
    try:
        await bot.set_chat_menu_button(chat_id=chat_id, menu_button=MenuButtonWebApp(label, WebAppInfo(url)))
    except TelegramError as exc:
        log.info("a chat's menu button was not labelled (%s)", type(exc).__name__)


async def unlabel_menu(bot: Bot, services: Services, chat_id: int) -> None:
    """After /delete: the chat's own button goes, so nothing of the person's (their language, an
    address the page had then) is kept there; the bot's default button stays."""
    if not services.settings.webapp_url:
        return
    try:
        await bot.set_chat_menu_button(chat_id=chat_id, menu_button=MenuButtonDefault())
    except TelegramError as exc:
        log.info("a chat's menu button was not reset (%s)", type(exc).__name__)
