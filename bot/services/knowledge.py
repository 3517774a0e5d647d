"""Answers to questions about facial spasms from content/<language>/knowledge.toml, never made up, with a line
about the person's own diary where it supports one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlmodel import col, select

from bot.content.knowledge import INJECTION_CYCLES
from bot.domain.checkin_flow import split
from bot.domain.clock import Clock
from bot.domain.cycles import Pattern
from bot.domain.schedule import local_today
from bot.language.knowledge import Answer, KnowledgeIndex
from bot.services.common import find_user
from bot.services.languages import ByLanguage
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin
from bot.storage.unit_of_work import unit_of_work

PERSONAL_DAYS = 30
MIN_SPASM_DAYS = 3


class KnowledgeService:
    """Answers plus, where the person's own diary supports it, one line about them."""

    def __init__(
        self,
        indexes: ByLanguage[KnowledgeIndex],
        db: SessionFactory,
        clock: Clock,
        trigger_labels: ByLanguage[dict[str, str]],
        cycle_pattern: Callable[[int], Awaitable[Pattern | None]] | None = None,
    ) -> None:
        self._indexes = indexes
        self._db = db
        self._now = clock
        self._labels = trigger_labels
        self._cycle_pattern = cycle_pattern  # the person's own injection cycles, when known

    @property
    def index(self) -> KnowledgeIndex:
        """The topics in the language of the update being handled."""
        return self._indexes.get()

    async def answer(self, telegram_id: int, question: str) -> Answer | None:
        found = self.index.match(question)
        if found is None:
            return None
        return await self.topic_answer(telegram_id, found[0], found[1], self.index.set_aside(question))

    async def topic_answer(
        self, telegram_id: int, topic_id: str, score: float = 0.0, aside: list[str] | None = None
    ) -> Answer | None:
        topic = self.index.book.topic(topic_id)
        if topic is None:
            return None
        if topic.personal == INJECTION_CYCLES:
            personal = await self._cycles(telegram_id)
        else:
            personal = await self._personal(telegram_id, topic.personal) if topic.personal else None
        return Answer(topic.id, self.index.render(topic, personal, aside), score)

    async def _cycles(self, telegram_id: int) -> str | None:
        """ "Your spasms came back around week 9 of your last 2 cycles", where the diary shows it."""
        found = await self._cycle_pattern(telegram_id) if self._cycle_pattern else None
        if found is None or found.wear_off_week is None or found.onset_day is None:
            return None
        line = self.index.book.personal_cycles
        return (
            line.format(count=found.cycles, onset=found.onset_day, week=found.wear_off_week) if line else None
        )

    async def _personal(self, telegram_id: int, trigger: str) -> str | None:
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or user.timezone is None:
                return None
            since = local_today(self._now(), user.timezone) - timedelta(days=PERSONAL_DAYS - 1)
            query = select(Checkin).where(
                Checkin.user_id == user.id,
                col(Checkin.status).in_(("done", "partial")),
                col(Checkin.had_spasm).is_(True),
                col(Checkin.local_date) >= since,
            )
            entries = list(await session.exec(query))
        days = {e.local_date for e in entries}
        marked = {e.local_date for e in entries if trigger in split(e.triggers)}
        if len(days) < MIN_SPASM_DAYS or not marked:
            return None
        label = self._labels.get()[trigger].lower()
        return self.index.book.personal_line.format(trigger=label, marked=len(marked), days=len(days))
