"""The button that opens the Mini App under /summary and /history, when it is served."""

from __future__ import annotations

from telegram import InlineKeyboardButton, WebAppInfo

from bot.services.registry import Services


def open_row(services: Services) -> list[list[InlineKeyboardButton]]:
    """A row with the button, or no row when no WEBAPP_URL is set."""
    url = services.settings.webapp_url
    if not url:
        return []
    return [[InlineKeyboardButton(services.content.messages.webapp.open_button, web_app=WebAppInfo(url))]]
