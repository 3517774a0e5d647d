"""Unhandled errors, described for the logs and the operators without personal data, and
rate-limited so an error storm sends the operators one alert per kind, not thousands."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.domain.clock import Clock

ALERT_GAP = timedelta(minutes=5)
ROOT = Path(__file__).resolve().parents[2]
OWN_CODE = ("bot", "handlers")


@dataclass(frozen=True)
class ErrorInfo:
    kind: str  # the exception's type, and its cause's ("NetworkError from ConnectError")
    where: str  # the innermost line of our own code: "handlers/checkin.py:57 (button)"
    stack: str  # file, line and code of each frame; never the exception's text


def describe(error: BaseException | None) -> ErrorInfo:
    """Only types and code locations: an exception's text may quote what a person wrote."""
    if error is None:
        return ErrorInfo("unknown", "unknown", "")
    kind = type(error).__name__
    cause = error.__cause__ or error.__context__
    if cause is not None:
        kind += f" from {type(cause).__name__}"
    frames = traceback.extract_tb(error.__traceback__)
    where = "outside our code"
    for frame in frames:
        path = Path(frame.filename).resolve()
        if path.is_relative_to(ROOT) and path.relative_to(ROOT).parts[0] in OWN_CODE:
            where = f"{path.relative_to(ROOT).as_posix()}:{frame.lineno} ({frame.name})"
    return ErrorInfo(kind, where, "".join(traceback.format_list(frames)))


class AlertGate:
    """At most one alert per error kind per ALERT_GAP; the ones held back are counted."""

    def __init__(self, clock: Clock, gap: timedelta = ALERT_GAP) -> None:
        self._now = clock
        self._gap = gap
        self._last: dict[str, datetime] = {}
        self._held: dict[str, int] = {}

    def admit(self, kind: str) -> int | None:
        """None to stay quiet; otherwise how many of this kind were held back since its last alert."""
        now = self._now()
        last = self._last.get(kind)
        if last is not None and now - last < self._gap:
            self._held[kind] = self._held.get(kind, 0) + 1
            return None
        self._last[kind] = now
        return self._held.pop(kind, 0)
