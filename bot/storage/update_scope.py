"""One unit of work per update. While an update is handled, the units of work of its handlers join
one transaction, which commits together with the update's "handled" mark. It commits just before
the first call to Telegram (which never waits inside a transaction), and that first reply is
recorded in the same commit: a crash before it leaves none of the update's effects and the update
is handled again; a crash after it leaves all of them and the update is not handled again, so no
reply is ever sent twice. After that commit each unit of work is its own transaction again (what
a handler writes after replying: the sent card's message id)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Table, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage import fencing
from bot.storage.db import SessionFactory, insert_ignoring_duplicates
from bot.storage.models import InboxUpdate, UpdateReply
from bot.storage.turns import take, write_turn

INBOX: Table = InboxUpdate.__table__  # type: ignore[attr-defined]
REPLIES: Table = UpdateReply.__table__  # type: ignore[attr-defined]
NOT_REPLIES = frozenset({"answercallbackquery", "sendchataction", "getme", "getchat", "leavechat"})


def is_reply(method: str) -> bool:
    """Whether a Bot API method shows the person something (a message, an edit)."""
    name = method.lower()
    return name not in NOT_REPLIES and name.startswith(("send", "edit", "delete", "copy", "forward", "stop"))


@dataclass(eq=False)
class UpdateScope:
    update_id: int
    db: SessionFactory
    now: Callable[[], datetime]
    task: asyncio.Task[object] | None = field(default_factory=asyncio.current_task)
    marked: bool = False  # the update's mark (and everything before it) has committed
    replies: int = 0
    _session: AsyncSession | None = None
    _turn: asyncio.Lock | None = None

    @property
    def open(self) -> bool:
        return self._session is not None

    async def session(self) -> AsyncSession:
        """The update's transaction, begun on first use (SQLite: its write turn taken)."""
        if self._session is None:
            turn = write_turn(self.db)
            if turn is not None:
                await take(turn)
            session = self.db()
            try:
                await fencing.check(await session.connection())
            except BaseException:
                await session.close()
                if turn is not None:
                    turn.release()
                raise
            self._session, self._turn = session, turn
        return self._session

    async def commit(self, reply: str | None = None) -> None:
        """Commit the update's effects with its mark (once), and record `reply` as about to go."""
        if self.marked and (reply is None or self._session is None):
            return  # after the mark nothing waits here, and later replies cannot repeat
        session = await self.session()
        try:
            connection = await session.connection()
            if not self.marked:
                done = INBOX.c.update_id == self.update_id
                await connection.execute(update(INBOX).where(done).values(handled_at=self.now()))
            if reply is not None:
                await connection.execute(
                    insert_ignoring_duplicates(session, REPLIES, ["update_id", "seq"]),
                    {"update_id": self.update_id, "seq": self.replies + 1, "method": reply,
                     "created_at": self.now()},
                )  # fmt: skip
            await session.commit()
        finally:
            await self._close()
        self.marked = True
        if reply is not None:
            self.replies += 1

    async def discard(self) -> None:
        """Undo what this update wrote and has not committed (a handler failed)."""
        if self._session is not None:
            try:
                await self._session.rollback()
            finally:
                await self._close()

    async def before_call(self, method: str) -> None:
        """Before a Bot API call: nothing may stay open across it, and a reply is recorded first."""
        if is_reply(method):
            await self.commit(method)
        elif self._session is not None:
            await self.commit()

    async def _close(self) -> None:
        session, turn = self._session, self._turn
        self._session, self._turn = None, None
        try:
            if session is not None:
                await session.close()
        finally:
            if turn is not None:
                turn.release()


_current: ContextVar[UpdateScope | None] = ContextVar("update_scope", default=None)


def active() -> UpdateScope | None:
    """The scope of the update this task is handling, if any."""
    scope = _current.get()
    if scope is None or scope.task is not asyncio.current_task():
        return None  # a task started from a handler runs beside it, on its own transactions
    return scope


def joinable(db: SessionFactory) -> UpdateScope | None:
    """The scope a unit of work on `db` joins: one whose mark has not committed yet."""
    scope = active()
    return scope if scope is not None and scope.db is db and not scope.marked else None


@asynccontextmanager
async def handling(
    db: SessionFactory, update_id: int, now: Callable[[], datetime]
) -> AsyncIterator[UpdateScope]:
    """Handle one update as one unit of work: its effects and mark commit at its first reply or at
    the end; if it fails or is cancelled, what it left open is rolled back."""
    scope = UpdateScope(update_id, db, now)
    reset = _current.set(scope)
    try:
        yield scope
        if scope.open:  # nothing written and no reply: the dispatcher marks it with others
            await scope.commit()
    except BaseException:
        await scope.discard()
        raise
    finally:
        _current.reset(reset)


async def commit_open() -> None:
    """Commit, with the update's mark, what its handling has written so far, if anything."""
    scope = active()
    if scope is not None and scope.open:
        await scope.commit()


@contextmanager
def outside() -> Iterator[None]:
    """Work that must not wait for the update's transaction (red-flag replies): its units of work
    are their own transactions and its calls to Telegram go at once."""
    reset = _current.set(None)
    try:
        yield
    finally:
        _current.reset(reset)
