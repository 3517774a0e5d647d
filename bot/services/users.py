"""Onboarding and settings: time zone, daily check-in time, pause and resume."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.clock import Clock
from bot.domain.schedule import next_weekly, parse_time, resolve_timezone
from bot.domain.slots import MAX_CHECKINS, next_due, stored, times_of, too_close
from bot.services.common import find_user, is_set_up
from bot.storage.db import SessionFactory
from bot.storage.models import User
from bot.storage.unit_of_work import unit_of_work


class Awaiting(StrEnum):
    TIMEZONE = "timezone"
    TIME = "time"
    SUMMARY_TIME = "summary_time"
    MOVE_TIME = "move_time"  # a new time for one of several check-ins (User.moving_minute)
    ADD_TIME = "add_time"  # the time of another check-in


class TimeChange(StrEnum):
    SET = "set"
    ADDED = "added"
    MOVED = "moved"
    FULL = "full"  # three check-ins a day already
    TOO_CLOSE = "too_close"  # within an hour of another check-in
    STALE = "stale"  # an old time button, while several check-ins are set and none is being changed


@dataclass(frozen=True)
class Profile:
    timezone: str | None
    checkin_minute: int | None
    paused: bool
    next_due_at: datetime | None
    awaiting: Awaiting | None
    is_new: bool = False
    summary_weekday: int = 6
    summary_minute: int = 19 * 60
    checkin_times: tuple[int, ...] = ()

    @property
    def set_up(self) -> bool:
        return self.timezone is not None and self.checkin_minute is not None


@dataclass(frozen=True)
class InputResult:
    ok: bool
    profile: Profile
    change: TimeChange = TimeChange.SET


def _profile(user: User, *, is_new: bool = False) -> Profile:
    awaiting = Awaiting(user.awaiting_input) if user.awaiting_input else None
    return Profile(
        user.timezone, user.checkin_minute, user.paused, user.next_due_at, awaiting, is_new,
        user.summary_weekday, user.summary_minute, times_of(user.checkin_times, user.checkin_minute),
    )  # fmt: skip


def reschedule(user: User, now: datetime) -> None:
    """Recompute the next check-in and summary from now (the DB is the source of truth)."""
    if user.paused or user.blocked or not is_set_up(user):
        user.next_due_at = user.next_summary_at = None
        return
    assert user.timezone is not None and user.checkin_minute is not None
    user.next_due_at = next_due(now, times_of(user.checkin_times, user.checkin_minute), user.timezone)
    _, user.next_summary_at = next_weekly(now, user.summary_weekday, user.summary_minute, user.timezone)


class UserService:
    def __init__(self, db: SessionFactory, clock: Clock, aliases: dict[str, str]) -> None:
        self._db = db
        self._now = clock
        self._aliases = aliases

    async def start(self, telegram_id: int, chat_id: int) -> Profile:
        """Create the person on first contact; coming back after blocking the bot re-enables them."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            is_new = user is None
            if user is None:
                user = User(telegram_id=telegram_id, chat_id=chat_id)
            user.chat_id = chat_id
            if user.blocked:
                user.blocked = False
            if not is_set_up(user):
                user.awaiting_input = Awaiting.TIMEZONE if user.timezone is None else Awaiting.TIME
            if user.next_due_at is None:
                reschedule(user, self._now())
            self._touch(user)
            session.add(user)
            return _profile(user, is_new=is_new)

    async def profile(self, telegram_id: int, *, stop_asking: bool = False) -> Profile | None:
        """The person's settings; `stop_asking` ends a pending "type a time zone/time" once set up."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=stop_asking)
            if user is None:
                return None
            if stop_asking and is_set_up(user):
                user.awaiting_input = None
            return _profile(user)

    async def ask(self, telegram_id: int, what: Awaiting, minute: int | None = None) -> Profile | None:
        """Expect the next typed message to be a time zone or a time (for the check-in at `minute`)."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None:
                return None
            user.awaiting_input, user.moving_minute = what, minute
            self._touch(user)
            return _profile(user)

    async def set_timezone(self, telegram_id: int, text: str) -> InputResult | None:
        zone = resolve_timezone(text, self._aliases)
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None:
                return None
            if zone is None:
                return InputResult(False, _profile(user))
            user.timezone = zone
            user.awaiting_input = Awaiting.TIME if user.checkin_minute is None else None
            reschedule(user, self._now())
            self._touch(user)
            return InputResult(True, _profile(user))

    async def set_checkin_time(self, telegram_id: int, text: str) -> InputResult | None:
        """A check-in time: the first one, a new one (ADD_TIME) or one moved (MOVE_TIME); refused
        beyond three a day or within an hour of another, with nothing changed."""
        change = TimeChange.SET

        def apply(user: User, minute: int) -> bool:
            nonlocal change
            times = times_of(user.checkin_times, user.checkin_minute)
            moving = user.moving_minute if user.awaiting_input == Awaiting.MOVE_TIME else None
            if user.awaiting_input == Awaiting.ADD_TIME:
                change = TimeChange.FULL if len(times) >= MAX_CHECKINS else TimeChange.ADDED
            elif moving in times and len(times) > 1:
                change = TimeChange.MOVED
            elif len(times) > 1:  # an old time button, with nothing asked: which one is unknown
                change = TimeChange.STALE
            else:  # the one time (onboarding, or changing it)
                moving = times[0] if times else None
            if change in (TimeChange.FULL, TimeChange.STALE):
                user.awaiting_input = None
                return False
            if too_close(times, minute, instead_of=moving):
                change = TimeChange.TOO_CLOSE
                return False
            kept = [t for t in times if t != moving]
            _set_times(user, (*kept, minute))
            user.awaiting_input = Awaiting.TIMEZONE if user.timezone is None else None
            return True

        result = await self._set_time(telegram_id, text, apply)
        return None if result is None else InputResult(result.ok, result.profile, change)

    async def remove_checkin_time(self, telegram_id: int, minute: int) -> tuple[bool, Profile] | None:
        """One of several check-ins stops; the last one is never removed (/pause is for that).
        Returns (removed, profile)."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user):
                return None
            times = times_of(user.checkin_times, user.checkin_minute)
            removed = minute in times and len(times) > 1
            if removed:
                _set_times(user, tuple(t for t in times if t != minute))
                reschedule(user, self._now())
            user.awaiting_input = None
            self._touch(user)
            return removed, _profile(user)

    async def set_paused(self, telegram_id: int, paused: bool) -> tuple[bool, Profile] | None:
        """Returns (changed, profile)."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None:
                return None
            changed = user.paused != paused
            user.paused = paused
            if is_set_up(user):
                user.awaiting_input = None
            if changed:
                reschedule(user, self._now())
            self._touch(user)
            return changed, _profile(user)

    async def set_summary_day(self, telegram_id: int, weekday: int) -> Profile | None:
        """The weekly summary's day (Monday 0); its time is asked next."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not 0 <= weekday <= 6:
                return None
            user.summary_weekday = weekday
            user.awaiting_input = Awaiting.SUMMARY_TIME
            reschedule(user, self._now())
            self._touch(user)
            return _profile(user)

    async def set_summary_time(self, telegram_id: int, text: str) -> InputResult | None:
        """The weekly summary's local time, typed or tapped ("HH:MM")."""

        def apply(user: User, minute: int) -> bool:
            user.summary_minute = minute
            user.awaiting_input = None
            return True

        return await self._set_time(telegram_id, text, apply)

    async def _set_time(
        self, telegram_id: int, text: str, apply: Callable[[User, int], bool]
    ) -> InputResult | None:
        """Parse a typed or tapped time; store it with `apply` (False: refused) and reschedule,
        or say it was wrong."""
        minute = parse_time(text)
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None:
                return None
            if minute is None or not apply(user, minute):
                return InputResult(False, _profile(user))
            reschedule(user, self._now())
            self._touch(user)
            return InputResult(True, _profile(user))

    async def make_due_now(self, telegram_id: int) -> bool:
        """Act as if the check-in time had come (console `:due`); False if not set up."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.paused:
                return False
            user.next_due_at = self._now()
            return True

    async def make_summary_due_now(self, telegram_id: int) -> bool:
        """Act as if the weekly summary's time had come (console `:week`); False if not set up."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user):
                return False
            user.next_summary_at = self._now()
            return True

    def _touch(self, user: User) -> None:
        user.updated_at = self._now()


def _set_times(user: User, times: tuple[int, ...]) -> None:
    ordered = tuple(sorted(set(times)))
    user.checkin_times, user.checkin_minute, user.moving_minute = stored(ordered), ordered[0], None
