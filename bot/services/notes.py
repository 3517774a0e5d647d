"""Notes on an entry: added only when the person asked (Add a note, or a reply to the entry's card),
each with its time, never replacing another."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from bot.domain.checkin_flow import Outcome, view_of
from bot.domain.clock import Clock
from bot.domain.notes import add_note, note_problem
from bot.services.common import find_user
from bot.services.results import CheckinResult
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin
from bot.storage.unit_of_work import unit_of_work


def save_note(checkin: Checkin, text: str, now: datetime) -> CheckinResult:
    """Added to the entry's notes, never replacing one; an empty or over-long note is refused
    whole, and the note prompt stays open for another try."""
    problem = note_problem(text)
    if problem is not None:
        outcome = Outcome.NOTE_EMPTY if problem == "empty" else Outcome.NOTE_TOO_LONG
        return CheckinResult(outcome, view_of(checkin))
    add_note(checkin, text.strip(), now)
    checkin.note_open_until = None
    return CheckinResult(Outcome.NOTE_SAVED, view_of(checkin))


class NoteService:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def note_reply(self, telegram_id: int, replied_to: int, text: str) -> CheckinResult | None:
        """A reply to one of the person's saved entry cards is a note on that entry; None when the
        message replied to is not such a card."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None:
                return None
            query = select(Checkin).where(
                Checkin.user_id == user.id,
                Checkin.message_id == replied_to,
                col(Checkin.status).in_(("done", "partial")),
            )
            entry = (await session.exec(query.with_for_update())).first()
            return save_note(entry, text, self._now()) if entry is not None else None
