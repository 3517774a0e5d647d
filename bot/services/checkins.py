"""The check-in flow: which question comes next, what an answer stores, and when it is done."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Tip
from bot.db import SessionFactory
from bot.models import Checkin, User
from bot.services.common import Clock, find_user, is_set_up, unit_of_work
from bot.services.schedule import local_today
from bot.services.tips import TipService
from bot.services.vocab import DURATIONS, LOCATIONS, TRIGGERS

NUMBER_STEPS = ("severity", "stress")
MULTI_STEPS = {"locations": LOCATIONS, "triggers": TRIGGERS}
NOTE_WINDOW = timedelta(hours=1)
NOTE_MAX = 1000
EDITABLE = ("spasm", "stress", "triggers")
BUTTONS_HINT_WINDOW = timedelta(hours=6)


class Outcome(StrEnum):
    SHOW = "show"  # render the view (a question, or the finished card)
    STALE = "stale"  # an old or foreign button: nothing was written
    NEED_LOCATION = "need_location"
    NUMBER_HINT = "number_hint"
    CORRECT_MENU = "correct_menu"
    NOTE_ASK = "note_ask"
    NOTE_SAVED = "note_saved"
    NEED_SETUP = "need_setup"
    USE_BUTTONS = "use_buttons"  # text typed while a check-in waits for a tap


@dataclass(frozen=True)
class CheckinView:
    id: int
    kind: str
    local_date: date
    status: str
    step: str
    had_spasm: bool | None
    locations: tuple[str, ...]
    severity: int | None
    duration: str | None
    stress: int | None
    triggers: tuple[str, ...]
    note: str | None
    draft: tuple[str, ...]
    message_id: int | None


@dataclass(frozen=True)
class CheckinResult:
    outcome: Outcome
    view: CheckinView | None = None
    tips: list[Tip] = field(default_factory=list)
    resumed: bool = False


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(",") if v)


def view_of(c: Checkin) -> CheckinView:
    assert c.id is not None
    return CheckinView(
        c.id, c.kind, c.local_date, c.status, c.step, c.had_spasm, _split(c.locations),
        c.severity, c.duration, c.stress, _split(c.triggers), c.note, _split(c.draft), c.message_id,
    )  # fmt: skip


def next_step(c: Checkin) -> str:
    if c.had_spasm is None:
        return "spasm"
    if c.had_spasm:
        for step, value in (("locations", c.locations), ("severity", c.severity)):
            if value is None:
                return step
        if c.duration is None:
            return "duration"
    if c.stress is None:
        return "stress"
    if c.triggers is None:
        return "triggers"
    return "done"


def _has_answers(c: Checkin) -> bool:
    return c.had_spasm is not None or c.stress is not None


def _toggle(draft: str, value: str, allowed: tuple[str, ...]) -> str:
    picks = [v for v in _split(draft) if v in allowed]
    if value in picks:
        picks.remove(value)
    else:
        picks.append(value)
        if allowed is TRIGGERS:  # "not sure" excludes the named triggers, and back
            picks = [value] if value == "not_sure" else [p for p in picks if p != "not_sure"]
    return ",".join(sorted(picks, key=allowed.index))


def _apply(c: Checkin, step: str, value: str) -> Outcome | None:
    """Store one answer; None when the value is not a valid answer to that step."""
    if step == "spasm" and value in ("y", "n"):
        c.had_spasm = value == "y"
        if not c.had_spasm:
            c.locations, c.severity, c.duration = None, None, None
    elif step in NUMBER_STEPS and value.isdigit() and int(value) <= 10:
        setattr(c, step, int(value))
    elif step == "duration" and value in DURATIONS:
        c.duration = value
    elif step in MULTI_STEPS and value in MULTI_STEPS[step]:
        c.draft = _toggle(c.draft, value, MULTI_STEPS[step])
        return Outcome.SHOW
    elif step in MULTI_STEPS and value == "done":
        if step == "locations" and not c.draft:
            return Outcome.NEED_LOCATION
        setattr(c, step, c.draft)
        c.draft = ""
    else:
        return None
    return Outcome.SHOW


class CheckinService:
    def __init__(self, db: SessionFactory, clock: Clock, tips: TipService) -> None:
        self._db = db
        self._now = clock
        self._tips = tips

    async def begin(self, telegram_id: int, kind: str) -> CheckinResult:
        """/checkin and /log: resume a check-in already under way, else open a new one."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user):
                return CheckinResult(Outcome.NEED_SETUP)
            current = await self._latest_open(session, user)
            if current is not None and _has_answers(current):
                return CheckinResult(Outcome.SHOW, view_of(current), resumed=True)
            assert user.timezone is not None
            checkin = await open_checkin(session, user, local_today(self._now(), user.timezone), kind)
            return CheckinResult(Outcome.SHOW, view_of(checkin))

    async def attach_message(self, checkin_id: int, message_id: int) -> None:
        """Remember which message shows the check-in, so buttons on older copies go stale."""
        async with unit_of_work(self._db) as session:
            checkin = await session.get(Checkin, checkin_id, with_for_update=True)
            if checkin is not None:
                checkin.message_id = message_id

    async def press(
        self, telegram_id: int, checkin_id: int, step: str, value: str, message_id: int | None
    ) -> CheckinResult:
        """A button press; anything that does not match the check-in's current state writes nothing."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            checkin = await session.get(Checkin, checkin_id, with_for_update=True)
            if (
                user is None
                or checkin is None
                or checkin.user_id != user.id
                or (message_id is not None and checkin.message_id not in (None, message_id))
            ):
                return CheckinResult(Outcome.STALE)
            if step == "card":
                return await self._card_action(session, user, checkin, value)
            if checkin.status != "open" or checkin.step != step:
                return CheckinResult(Outcome.STALE)
            outcome = _apply(checkin, step, value)
            if outcome is None:
                return CheckinResult(Outcome.STALE)
            return self._advance(user, checkin, outcome)

    async def typed(self, telegram_id: int, text: str) -> CheckinResult | None:
        """Typed text a check-in is waiting for (a 0-10 number, or a note); None if none is."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None:
                return None
            current = await self._latest_open(session, user)
            if current is not None and current.step in NUMBER_STEPS:
                value = text.strip()
                if not (value.isdigit() and int(value) <= 10):
                    return CheckinResult(Outcome.NUMBER_HINT, view_of(current))
                _apply(current, current.step, value)
                return self._advance(user, current, Outcome.SHOW)
            noted = await self._note_target(session, user)
            if noted is None:
                recent = current is not None and self._now() - current.created_at < BUTTONS_HINT_WINDOW
                return CheckinResult(Outcome.USE_BUTTONS, view_of(current)) if current and recent else None
            noted.note = text.strip()[:NOTE_MAX]
            noted.note_open_until = None
            return CheckinResult(Outcome.NOTE_SAVED, view_of(noted))

    def _advance(self, user: User, checkin: Checkin, outcome: Outcome) -> CheckinResult:
        checkin.step = next_step(checkin)
        if checkin.step in MULTI_STEPS and not checkin.draft:
            checkin.draft = getattr(checkin, checkin.step) or ""
        tips: list[Tip] = []
        if checkin.step == "done":
            checkin.status = "done"
            checkin.note_open_until = self._now() + NOTE_WINDOW
            if checkin.completed_at is None:
                checkin.completed_at = self._now()
                tips = self._tips.choose(list(_split(checkin.triggers)), set(_split(user.last_tip_ids)))
                user.last_tip_ids = ",".join(t.id for t in tips)
        return CheckinResult(outcome, view_of(checkin), tips)

    async def _card_action(
        self, session: AsyncSession, user: User, checkin: Checkin, value: str
    ) -> CheckinResult:
        latest = await self._latest(session, user)
        if checkin.status != "done" or latest is None or latest.id != checkin.id:
            return CheckinResult(Outcome.STALE)
        if value == "note":
            checkin.note_open_until = self._now() + NOTE_WINDOW
            return CheckinResult(Outcome.NOTE_ASK, view_of(checkin))
        if value == "fix":
            return CheckinResult(Outcome.CORRECT_MENU, view_of(checkin))
        if value == "back":
            return CheckinResult(Outcome.SHOW, view_of(checkin))
        if value not in EDITABLE:
            return CheckinResult(Outcome.STALE)
        if value == "spasm":
            checkin.draft = checkin.locations or ""
            checkin.had_spasm, checkin.locations, checkin.severity, checkin.duration = (None,) * 4
        elif value == "stress":
            checkin.stress = None
        else:
            checkin.draft, checkin.triggers = checkin.triggers or "", None
        checkin.status, checkin.note_open_until = "open", None
        checkin.step = next_step(checkin)
        return CheckinResult(Outcome.SHOW, view_of(checkin))

    async def _latest_open(self, session: AsyncSession, user: User) -> Checkin | None:
        query = (
            select(Checkin)
            .where(Checkin.user_id == user.id, Checkin.status == "open")
            .order_by(col(Checkin.id).desc())
        )
        return (await session.exec(query.with_for_update())).first()

    async def _latest(self, session: AsyncSession, user: User) -> Checkin | None:
        query = select(Checkin).where(Checkin.user_id == user.id).order_by(col(Checkin.id).desc())
        return (await session.exec(query)).first()

    async def _note_target(self, session: AsyncSession, user: User) -> Checkin | None:
        latest = await self._latest(session, user)
        if latest is None or latest.status != "done" or latest.note_open_until is None:
            return None
        return latest if self._now() <= latest.note_open_until else None


async def open_checkin(session: AsyncSession, user: User, day: date, kind: str) -> Checkin:
    """A new check-in; unanswered open ones are closed as missed so their buttons go stale."""
    assert user.id is not None
    stale = await session.exec(select(Checkin).where(Checkin.user_id == user.id, Checkin.status == "open"))
    for old in stale:
        if not _has_answers(old):
            old.status = "missed"
    for done in await session.exec(
        select(Checkin).where(Checkin.user_id == user.id, col(Checkin.note_open_until).is_not(None))
    ):
        done.note_open_until = None
    checkin = Checkin(user_id=user.id, local_date=day, kind=kind)
    if kind == "episode":
        checkin.had_spasm = True
        checkin.step = next_step(checkin)
    session.add(checkin)
    await session.flush()
    return checkin
