"""Per-person flood detection: more than LIMIT messages within WINDOW, by the injected clock."""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta
from enum import Enum

from bot.domain.clock import Clock

LIMIT = 30
WINDOW = timedelta(minutes=1)
MAX_TRACKED = 10_000  # people held in memory before the idle ones are forgotten


class Pace(Enum):
    OK = "ok"
    SLOW_DOWN = "slow_down"  # the first message over the limit: tell the person, once
    QUIET = "quiet"  # over the limit, and told already


class FloodGuard:
    def __init__(self, clock: Clock, limit: int = LIMIT, window: timedelta = WINDOW) -> None:
        self._now = clock
        self._limit = limit
        self._window = window
        # Only the last `limit` times per person matter: the oldest tells whether there were
        # that many within the window. Messages over the limit count too, so a steady flood
        # stays slowed down until it eases.
        self._recent: dict[int, deque[datetime]] = {}
        self._told: set[int] = set()

    def check(self, person: int) -> Pace:
        """Count one message from `person`, and say whether it is over the limit."""
        now = self._now()
        times = self._recent.setdefault(person, deque(maxlen=self._limit))
        flooding = len(times) == self._limit and now - times[0] < self._window
        times.append(now)
        if not flooding:
            self._told.discard(person)
            if len(self._recent) > MAX_TRACKED:
                self._forget_idle(now)
            return Pace.OK
        if person in self._told:
            return Pace.QUIET
        self._told.add(person)
        return Pace.SLOW_DOWN

    def _forget_idle(self, now: datetime) -> None:
        idle = [p for p, times in self._recent.items() if now - times[-1] >= self._window]
        for person in idle:
            del self._recent[person]
            self._told.discard(person)
