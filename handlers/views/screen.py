"""A screen (text and its buttons) and the small helpers that lay buttons out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.content import Content
from handlers import callbacks


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None


def in_rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def cancel_button(content: Content) -> InlineKeyboardButton:
    return button(content.messages.general.cancel, callbacks.CANCEL.build("cancel"))


def with_cancel(content: Content, text: str) -> Screen:
    """A prompt for typed text, with a Cancel button under it."""
    return Screen(text, InlineKeyboardMarkup([[cancel_button(content)]]))
