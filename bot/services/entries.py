"""Finding and opening a person's entries: the queries every check-in use case shares."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.checkin_flow import CheckinView, close, has_answers, next_step, view_of
from bot.domain.slots import DAILY, instant_of, kind_of, previous_slot, times_of
from bot.storage.models import Checkin, User

# Typed answers and /checkin only reach a check-in opened this recently; older ones are history.
OPEN_WINDOW = timedelta(hours=12)


async def open_checkin(
    session: AsyncSession,
    user: User,
    day: date,
    kind: str,
    now: datetime,
    *,
    close_others: bool = True,
    slot: int | None = None,
) -> Checkin:
    """A new check-in (opened by the scheduled check-in `slot`, if given). Open ones of the same
    kind (a daily one closes the morning's too), or from earlier days, are closed, so their buttons
    go stale and no later answer can land on the wrong day (unless `close_others` is False: an
    entry for an earlier day, written while today's is under way)."""
    assert user.id is not None
    for old in (
        []
        if not close_others
        else await session.exec(select(Checkin).where(Checkin.user_id == user.id, Checkin.status == "open"))
    ):
        same = old.kind == kind or (old.kind in DAILY and kind in DAILY)
        if not same and old.local_date >= day:
            continue
        if old.amends_id is not None:
            await session.delete(old)  # unsaved changes to a saved entry: the saved one stands
        else:
            close(old)
    checkin = Checkin(user_id=user.id, local_date=day, kind=kind, created_at=now, slot=slot)
    checkin.sleep_asked = await _sleep_known(session, user, day)
    if kind == "episode":
        checkin.had_spasm = True
    checkin.step = next_step(checkin)
    session.add(checkin)
    await session.flush()
    return checkin


async def _answered(session: AsyncSession, user: User, day: date) -> list[Checkin]:
    """The day's check-ins answered, or being answered (a typed report not yet saved is not)."""
    rows = await session.exec(
        select(Checkin).where(
            Checkin.user_id == user.id, col(Checkin.kind).in_(DAILY), Checkin.local_date == day
        )
    )
    return [r for r in rows if r.status == "done" or (r.status == "open" and has_answers(r) and not r.review)]


async def day_already_covered(session: AsyncSession, user: User, day: date, kind: str) -> bool:
    """A daily check-in of this kind for this day was answered, or is being answered, already."""
    return kind in DAILY and any(e.kind == kind for e in await _answered(session, user, day))


async def slot_answered(session: AsyncSession, user: User, day: date, slot: int) -> bool:
    """The scheduled check-in `slot` of `day` need not be asked: it was answered, or the person
    told the day's story by hand (/checkin or a typed report) since the check-in before it, or
    answered this check-in at its old time before moving it (an entry of the same kind)."""
    assert user.timezone is not None
    times = times_of(user.checkin_times, user.checkin_minute)
    previous = previous_slot(times, slot)
    since = instant_of(day, previous if previous is not None else 0, user.timezone)

    def covers(e: Checkin) -> bool:
        if e.slot == slot:
            return True
        moved = e.slot is not None and e.slot not in times and e.kind == kind_of(times, slot)
        return (e.slot is None or moved) and e.created_at >= since

    return any(covers(e) for e in await _answered(session, user, day))


async def latest_open(
    session: AsyncSession,
    user: User,
    now: datetime,
    kinds: tuple[str, ...] | None = None,
    *,
    corrections: bool = True,
) -> Checkin | None:
    """The newest open entry of the last 12 hours (of those kinds; with or without corrections)."""
    query = select(Checkin).where(
        Checkin.user_id == user.id,
        Checkin.status == "open",
        col(Checkin.created_at) >= now - OPEN_WINDOW,
    )
    if kinds is not None:
        query = query.where(col(Checkin.kind).in_(kinds))
    if not corrections:  # a correction of a saved entry is not "the check-in in progress"
        query = query.where(or_(col(Checkin.amends_id).is_(None), col(Checkin.review)))
    return (await session.exec(query.order_by(col(Checkin.id).desc()).with_for_update())).first()


async def note_target(session: AsyncSession, user: User, now: datetime) -> Checkin | None:
    """The entry whose "Add a note" was tapped in the last hour and whose note has not come yet."""
    query = select(Checkin).where(
        Checkin.user_id == user.id,
        Checkin.status == "done",
        col(Checkin.note_open_until) >= now,
    )
    return (await session.exec(query.order_by(col(Checkin.note_open_until).desc()))).first()


async def _sleep_known(session: AsyncSession, user: User, day: date) -> bool:
    """The night's sleep is recorded, or was asked, on another entry of that day already."""
    query = select(Checkin).where(
        Checkin.user_id == user.id,
        Checkin.local_date == day,
        col(Checkin.status).in_(("done", "partial", "open")),
    )
    return any(e.sleep_hours is not None or e.sleep_asked for e in await session.exec(query))


async def shown(session: AsyncSession, entry: Checkin) -> CheckinView:
    """The entry as the person sees it; a draft of changes carries the saved entry it would change,
    so the card can show old -> new."""
    view = view_of(entry)
    if entry.amends_id is None:
        return view
    saved = await session.get(Checkin, entry.amends_id)
    return replace(view, before=view_of(saved)) if saved is not None else view
