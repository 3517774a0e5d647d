"""Everything a person recorded, for the CSV and the doctor report."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from bot.domain.checkin_flow import sides_of, split
from bot.domain.clock import Clock
from bot.domain.notes import Note, notes_of
from bot.domain.schedule import local_today
from bot.services.common import find_user
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin, SafetyEvent
from bot.storage.unit_of_work import unit_of_work

EARLIEST = datetime.min.replace(tzinfo=UTC)  # sorts an entry with no time first in its day
REPORT_DAYS = 90  # the doctor report covers at most this many days
CSV_COLUMNS = (
    "date", "time", "kind", "status", "spasms", "places", "sides", "strength", "duration",
    "duration_minutes", "red_flags", "stress", "triggers", "sleep_hours", "notes",
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    local_date: date
    kind: str
    status: str
    had_spasm: bool | None
    locations: tuple[str, ...]
    severity: int | None
    duration: str | None
    duration_minutes: int | None  # as typed in free text; None when a button was tapped
    red_flags: tuple[str, ...]
    stress: int | None
    triggers: tuple[str, ...]
    sleep_hours: float | None
    notes: tuple[Note, ...]  # times in the person's zone
    time: datetime | None = None  # when it was saved (or begun), in the person's zone
    sides: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Event:
    occurred_at: datetime
    level: str
    reasons: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Export:
    start: date  # the report period
    end: date
    entries: tuple[Entry, ...]  # answered entries in the report period, oldest first
    all_entries: tuple[Entry, ...]  # every answered entry, for the CSV
    events: tuple[Event, ...]
    trigger_counts: tuple[tuple[str, int], ...]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _entry(c: Checkin, zone: ZoneInfo) -> Entry:
    notes = tuple(Note(n.at.astimezone(zone), n.text) for n in notes_of(c.notes))
    when = c.completed_at or c.created_at
    return Entry(
        c.local_date, c.kind, c.status, c.had_spasm, split(c.locations), c.severity, c.duration,
        c.duration_minutes, split(c.red_flags), c.stress, split(c.triggers), c.sleep_hours, notes,
        when.astimezone(zone) if when else None, sides_of(c.sides),
    )  # fmt: skip


def notes_cell(notes: tuple[Note, ...]) -> str:
    """Every note, oldest first, each with its local date and time."""
    return " | ".join(f"{n.at:%Y-%m-%d %H:%M} {n.text}" for n in notes)


def check_header(header: Sequence[str], columns: Sequence[str], what: str) -> None:
    """A CSV heading from the catalogue names every column, and only those (checked at start-up)."""
    if len(header) != len(columns) or not all(name.strip() for name in header):
        raise ValueError(f"{what} needs {len(columns)} column names, one for each of {', '.join(columns)}")


def to_csv(
    entries: tuple[Entry, ...], header: Sequence[str] = CSV_COLUMNS, yes_no: tuple[str, str] = ("yes", "no")
) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read accents and dashes right; `header`
    names CSV_COLUMNS in the reader's language."""
    check_header(header, CSV_COLUMNS, "the CSV")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for e in entries:
        spasms = "" if e.had_spasm is None else yes_no[0 if e.had_spasm else 1]
        writer.writerow(
            [e.local_date.isoformat(), f"{e.time:%H:%M}" if e.time else "", e.kind, e.status, spasms,
             ";".join(e.locations), ";".join(dict(e.sides).get(p, "") for p in e.locations),
             "" if e.severity is None else e.severity, e.duration or "",
             "" if e.duration_minutes is None else e.duration_minutes, ";".join(e.red_flags),
             "" if e.stress is None else e.stress, ";".join(e.triggers),
             "" if e.sleep_hours is None else e.sleep_hours, notes_cell(e.notes)]
        )  # fmt: skip
    return out.getvalue().encode("utf-8-sig")


class ExportService:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def collect(self, telegram_id: int) -> Export | None:
        """None if the person is not set up or has no answered entries."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or user.timezone is None:
                return None
            rows = await session.exec(
                select(Checkin)
                .where(Checkin.user_id == user.id, col(Checkin.status).in_(("done", "partial")))
                .order_by(col(Checkin.local_date), col(Checkin.id))
            )
            zone = ZoneInfo(user.timezone)
            # Oldest first, and within a day in the order they happened.
            found = (_entry(c, zone) for c in rows)
            entries = tuple(sorted(found, key=lambda e: (e.local_date, e.time or EARLIEST)))
            events = await session.exec(
                select(SafetyEvent)
                .where(SafetyEvent.user_id == user.id)
                .order_by(col(SafetyEvent.occurred_at))
            )
            event_rows = [
                Event(e.occurred_at.astimezone(zone), e.level, split(e.reasons), e.source) for e in events
            ]
            today = local_today(self._now(), user.timezone)
        if not entries:
            return None
        start = max(entries[0].local_date, today - timedelta(days=REPORT_DAYS - 1))
        in_period = tuple(e for e in entries if e.local_date >= start)
        counts = Counter(t for e in in_period for t in e.triggers if t != "not_sure")
        return Export(
            start=start,
            end=today,
            entries=in_period,
            all_entries=entries,
            events=tuple(e for e in event_rows if e.occurred_at.date() >= start),
            trigger_counts=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        )
