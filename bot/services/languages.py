"""Which language each person is written to in: their choice (/language), else their Telegram
app's language when it is one we offer, else English. The language of the update being handled
is `current`, so every word looked up while handling it comes in that language."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from typing import Generic, TypeVar

from sqlmodel import col, select

from bot.content import Content
from bot.content.loader import ENGLISH
from bot.services.common import find_user
from bot.storage.db import SessionFactory
from bot.storage.models import User
from bot.storage.unit_of_work import unit_of_work

current: ContextVar[str] = ContextVar("language", default=ENGLISH)
REMEMBER_SECONDS = 30.0  # another process may have changed it (PostgreSQL): read again after this
T = TypeVar("T")


class ByLanguage(Generic[T]):
    """One of something per language (a reader, an index), built from that language's content;
    `get()` gives the current update's, English's for a language without one."""

    def __init__(self, items: Mapping[str, T]) -> None:
        if ENGLISH not in items:
            raise ValueError("English is the fallback of every language")
        self._items = dict(items)

    def get(self, language: str | None = None) -> T:
        return self._items.get(language or current.get(), self._items[ENGLISH])


def language_of(chosen: str | None, app_code: str | None, offered: Sequence[str]) -> str:
    """The language to write in: the one chosen, else the app's when offered, else the first
    offered (English)."""
    if chosen is not None and chosen in offered:
        return chosen
    return offered_code(app_code, offered) or offered[0]


def offered_code(app_code: str | None, offered: Sequence[str]) -> str | None:
    """ "es-MX" -> "es" when Spanish is offered; None for an unknown or missing code."""
    if not app_code:
        return None
    base = app_code.strip().lower().replace("_", "-").split("-")[0]
    return base if base in offered else None


class LanguageService:
    def __init__(self, db: SessionFactory, contents: Mapping[str, Content], offered: Sequence[str]) -> None:
        if not offered or offered[0] != ENGLISH or not set(offered) <= set(contents):
            raise ValueError("English must be offered first, and every offered language loaded")
        self._db = db
        self._contents = dict(contents)
        self.offered = tuple(offered)
        self._known: dict[int, tuple[str | None, float]] = {}

    def content(self, language: str | None = None) -> Content:
        """The content of `language` (default: the current update's); English if not offered."""
        code = language or current.get()
        return self._contents[code if code in self.offered else ENGLISH]

    def names(self) -> list[tuple[str, str]]:
        """(code, the language's own name) for each offered language."""
        return [(code, self._contents[code].messages.language.name) for code in self.offered]

    async def of(self, telegram_id: int, app_code: str | None = None) -> str:
        """The person's language: chosen, else their app's when offered, else English."""
        now = time.monotonic()
        known = self._known.get(telegram_id)
        if known is None or now - known[1] > REMEMBER_SECONDS:
            async with self._db() as session:
                chosen = (
                    await session.exec(select(User.language).where(col(User.telegram_id) == telegram_id))
                ).first()
            known = (chosen, now)
            self._known[telegram_id] = known
        return language_of(known[0], app_code, self.offered)

    async def choose(self, telegram_id: int, code: str) -> bool:
        """Keep the person's choice; False (nothing changed) for a language not offered or no diary."""
        if code not in self.offered:
            return False
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None:
                return False
            user.language = code
            session.add(user)
        self._known[telegram_id] = (code, time.monotonic())
        return True

    async def adopt(self, telegram_id: int, code: str) -> None:
        """On /start: a person who never chose keeps the language they are written to in now (their
        app's, when offered), so what the schedule sends them later comes in it too."""
        if code not in self.offered:
            return
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is not None and user.language is None:
                user.language = code
                session.add(user)
        self._known.pop(telegram_id, None)

    def forget(self, telegram_id: int) -> None:
        """After /delete: nothing about the person is remembered here either."""
        self._known.pop(telegram_id, None)
