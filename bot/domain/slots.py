"""Up to three daily check-ins per person, each at its own local time (a "slot", named by its
minute of the day): which is next, which one a due time belongs to, and which is the morning one."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.schedule import next_occurrence, occurrence

MAX_CHECKINS = 3
MIN_GAP = 60  # minutes between two check-ins of a day: closer, the second would only repeat the first
NOON = 12 * 60
NO_SLOT = -1  # an outbox row that is not a check-in, or an entry opened by hand
DAILY = ("checkin", "morning")  # the kinds of entry a scheduled check-in opens


def times_of(stored: str | None, first: int | None = None) -> tuple[int, ...]:
    """The stored times ("480,1260") in order; a person from before several check-ins has only
    `first` (their one check-in time)."""
    times = sorted({int(t) for t in (stored or "").split(",") if t.strip().isdigit() and int(t) < 24 * 60})
    if not times and first is not None:
        return (first,)
    return tuple(times)


def stored(times: tuple[int, ...] | list[int]) -> str:
    return ",".join(str(t) for t in sorted(set(times)))


def too_close(times: tuple[int, ...], minute: int, instead_of: int | None = None) -> bool:
    """`minute` would be within MIN_GAP of another check-in (around midnight too)."""
    for other in times:
        if other == instead_of:
            continue
        gap = abs(other - minute)
        if min(gap, 24 * 60 - gap) < MIN_GAP:
            return True
    return False


def kind_of(times: tuple[int, ...], minute: int) -> str:
    """The first of several check-ins, before noon, is the morning one (sleep, and the face on
    waking); every other one asks about the spasms since, stress and triggers. A single check-in
    asks everything, whatever its time."""
    if len(times) > 1 and minute == min(times) and minute < NOON:
        return "morning"
    return "checkin"


def next_due(
    now: datetime, times: tuple[int, ...], zone_name: str, after: datetime | None = None
) -> datetime | None:
    """The next check-in instant after `now` (and after `after`, the one just queued)."""
    floor = max(now, after) if after is not None else now
    return min((next_occurrence(floor, minute, zone_name)[1] for minute in times), default=None)


def slot_at(times: tuple[int, ...], zone_name: str, due: datetime) -> int:
    """Which check-in `due` is: the time whose instant on that local day it is (a time skipped by
    DST moves later, so its minute differs from the clock's); else (made due by hand, as the
    console's `:due` does) the time nearest the clock."""
    zone = ZoneInfo(zone_name)
    local = due.astimezone(zone)
    for minute in times:
        if occurrence(local.date(), minute, zone) == due:
            return minute
    clock = local.hour * 60 + local.minute
    return min(times, key=lambda t: abs(t - clock), default=clock)


def instant_of(day: date, minute: int, zone_name: str) -> datetime:
    return occurrence(day, minute, ZoneInfo(zone_name))


def previous_slot(times: tuple[int, ...], minute: int) -> int | None:
    """The check-in before `minute` on the same day, if any."""
    earlier = [t for t in times if t < minute]
    return max(earlier) if earlier else None
