"""Emergency replies decided where updates come in, ahead of every queue, and kept until Telegram
has them: one per message (its update_id), however often the message arrives or is handled."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, select, update
from sqlmodel import col
from sqlmodel import select as sql_select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content.checkin_text import SafetyText
from bot.content.emergency import EmergencyBook
from bot.domain.clock import Clock
from bot.language.emergency import emergency_wording, number_for_zone
from bot.language.triage import Triage
from bot.language.triage_languages import Triagers
from bot.services.languages import language_of
from bot.storage.db import SessionFactory, insert_ignoring_duplicates
from bot.storage.fencing import leading
from bot.storage.models import EmergencyReply, User
from bot.storage.unit_of_work import unit_of_work

log = logging.getLogger(__name__)
REPLIES: Table = EmergencyReply.__table__  # type: ignore[attr-defined]
CLAIM = timedelta(seconds=15)  # a claimed reply not reported on by then is tried again
MAX_BACKOFF = timedelta(seconds=5)  # an emergency reply is retried at least this often
MESSAGE_KEYS = ("message", "edited_message", "channel_post", "edited_channel_post")


@dataclass(frozen=True)
class Alarm:
    update_id: int
    chat_id: int
    text: str
    reply_to: int | None
    attempts: int


@dataclass(frozen=True)
class Emergency:
    """A new update whose message reports a red flag, found where it came in."""

    update_id: int
    message: dict[str, Any]
    reasons: tuple[str, ...]


def _alarm(row: Any) -> Alarm:
    return Alarm(row.update_id, row.chat_id, row.text, row.reply_to, row.attempts)


def readable(payloads: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any], str]]:
    """(update_id, message, text) of each update whose message has words to screen."""
    found = []
    for payload in payloads:
        message = next((payload[k] for k in MESSAGE_KEYS if isinstance(payload.get(k), dict)), None)
        if message is None:
            continue
        text = message.get("text") or message.get("caption") or ""
        if isinstance(text, str) and text.strip():
            found.append((payload["update_id"], message, text))
    return found


def triage_each(triager: Triagers, texts: Sequence[str]) -> list[Triage | None]:
    """Each text's triage; None where it failed (the message is screened again when handled)."""
    found: list[Triage | None] = []
    for text in texts:
        try:
            found.append(triager.triage(text))
        except Exception:
            log.exception("triage at intake failed")
            found.append(None)
    return found


def emergencies(
    items: list[tuple[int, dict[str, Any], str]], verdicts: list[Triage | None]
) -> list[Emergency]:
    """The items whose triage (in the same order) found an emergency."""
    return [
        Emergency(update_id, message, found.reasons)
        for (update_id, message, _), found in zip(items, verdicts, strict=True)
        if found is not None and found.level == "emergency"
    ]


def backoff(attempts: int) -> timedelta:
    """1 s, 2 s, 4 s, then every 5 s: an emergency reply is never left waiting long."""
    return min(timedelta(seconds=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


class AlarmService:
    def __init__(
        self, db: SessionFactory, clock: Clock, triager: Triagers, book: EmergencyBook,
        wordings: Mapping[str, SafetyText], default_zone: str,
    ) -> None:  # fmt: skip
        """`wordings`: the emergency reply's words in each language offered, English first."""
        self._db = db
        self._now = clock
        self._triager = triager
        self._book = book
        self._wordings = wordings
        self._default_zone = default_zone

    def screen(self, payloads: list[dict[str, Any]]) -> list[Emergency]:
        """The emergencies among new updates, screened here. No database: it runs while they are
        being stored. Never raises (a message it could not read is screened again when handled)."""
        items = readable(payloads)
        return emergencies(items, triage_each(self._triager, [text for _, _, text in items]))

    async def take(self, session: AsyncSession, emergencies: list[Emergency]) -> list[Alarm]:
        """In the transaction that stores their updates: a reply for each emergency, claimed for an
        immediate send. Reading them never fails the store."""
        rows = []
        now = self._now()
        for emergency in emergencies:
            try:
                rows.append(await self._row(session, emergency, now))
            except Exception:  # the handler screens the message again when it is handled
                log.exception("an emergency reply could not be prepared at intake")
        if not rows:
            return []
        insert = insert_ignoring_duplicates(session, REPLIES, ["update_id"])
        connection = await session.connection()
        taken = (await connection.execute(insert.returning(*REPLIES.c), rows)).all()
        return [_alarm(r) for r in taken]

    async def _row(self, session: AsyncSession, emergency: Emergency, now: datetime) -> dict[str, Any]:
        message = emergency.message
        sender = (message.get("from") or {}).get("id")
        found_user = None
        if isinstance(sender, int):
            found_user = (await session.exec(sql_select(User).where(col(User.telegram_id) == sender))).first()
        zone = found_user.timezone if found_user is not None else None
        number = number_for_zone(self._book, zone or self._default_zone)
        # In the person's language: chosen, else their app's (when offered), else English.
        app = (message.get("from") or {}).get("language_code")
        chosen = found_user.language if found_user is not None else None
        language = language_of(chosen, app if isinstance(app, str) else None, list(self._wordings))
        wording = self._wordings[language]
        return {
            "update_id": emergency.update_id, "chat_id": message["chat"]["id"], "sender_id": sender,
            "reply_to": message.get("message_id"),
            "text": emergency_wording(wording, number, emergency.reasons),
            "status": "pending", "attempts": 1, "not_before": now + CLAIM, "created_at": now,
        }  # fmt: skip

    async def keep(self, emergencies: list[Emergency]) -> list[Alarm]:
        """`take` in a transaction of its own: for those whose reply was not decided before."""
        if not emergencies:
            return []
        async with unit_of_work(self._db) as session:
            return await self.take(session, emergencies)

    async def claim(self, emergency: Emergency) -> Alarm | None:
        """Where a handler found the emergency: its reply, kept like one decided at intake; None
        if the message's reply was already decided (at intake, or by an earlier run)."""
        taken = await self.keep([emergency])
        return taken[0] if taken else None

    async def answered(self, update_id: int) -> bool:
        """The message's emergency reply was decided where it came in (sent, or being sent)."""
        async with unit_of_work(self._db) as session:
            query = select(REPLIES.c.update_id).where(REPLIES.c.update_id == update_id)
            connection = await session.connection()
            return (await connection.execute(query)).first() is not None

    async def due(self, limit: int = 20) -> list[Alarm]:
        """Replies not yet delivered whose time has come, claimed for one more try."""
        now = self._now()
        async with unit_of_work(self._db) as session:
            waiting = (
                select(REPLIES.c.update_id)
                .where(REPLIES.c.status == "pending", REPLIES.c.not_before <= now)
                .order_by(REPLIES.c.created_at)
                .limit(limit)
            )
            claim = (
                update(REPLIES)
                .where(REPLIES.c.update_id.in_(waiting.scalar_subquery()), REPLIES.c.status == "pending")
                .values(not_before=now + CLAIM, attempts=REPLIES.c.attempts + 1)
                .returning(*REPLIES.c)
            )
            connection = await session.connection()
            return [_alarm(r) for r in (await connection.execute(claim)).all()]

    async def settle(self, update_id: int, status: str, retry_in: timedelta | None = None) -> None:
        """Delivered ("sent"), refused for good ("blocked"), or to be tried again ("pending")."""
        now = self._now()
        values: dict[str, Any] = {"status": status}
        if status == "sent":
            values["sent_at"] = now
        if retry_in is not None:
            values["not_before"] = now + retry_in
        # Only a reply not yet settled: a late "pending" never undoes a "sent" (or "blocked").
        still = (REPLIES.c.update_id == update_id) & (REPLIES.c.status == "pending")
        with leading(None):  # a delivery is a fact whoever leads now: never refused
            async with unit_of_work(self._db) as session:
                connection = await session.connection()
                await connection.execute(update(REPLIES).where(still).values(**values))
