"""Local check-in times to UTC instants, across DST changes; time zone and time parsing."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

# "8;30", "8,30" and "8 30" too: a phone's keyboard puts those within a thumb of ":".
_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:.h;,]\s*(\d{2})|\s+(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$", re.I)


def parse_time(text: str) -> int | None:
    """'08:30', '8.30', '20h15', '9pm', '7:45 am' -> minutes after midnight; None if not a time."""
    match = _TIME.match(text)
    if not match:
        return None
    typed_minute = match.group(2) or match.group(3)
    hour, minute = int(match.group(1)), int(typed_minute or 0)
    suffix = (match.group(4) or "").replace(".", "").lower()
    if not suffix and typed_minute is None:
        return None  # a bare number is too ambiguous to take as a time
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def format_minute(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@lru_cache(maxsize=1)
def _zone_index() -> tuple[dict[str, str], dict[str, str]]:
    """Lower-case full names, and lower-case city parts ('new york'), to canonical zone names."""
    names = sorted(z for z in available_timezones() if not z.startswith(("posix/", "right/")))
    full = {z.lower(): z for z in names}
    cities: dict[str, str] = {}
    for zone in names:
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
            continue
        city = zone.rsplit("/", 1)[1].replace("_", " ").lower()
        cities.setdefault(city, zone)
    return full, cities


def known_zone(name: str) -> bool:
    """An IANA zone name exactly as the tz database writes it ("Europe/Madrid")."""
    return name in _zone_index()[0].values()


def resolve_timezone(text: str, aliases: dict[str, str]) -> str | None:
    """A zone name for what a person typed: an IANA name, a known city, or None."""
    cleaned = " ".join(text.strip().split())
    if not cleaned or len(cleaned) > 64:
        return None
    key = cleaned.lower()
    full, cities = _zone_index()
    if key.replace(" ", "_") in full:
        return full[key.replace(" ", "_")]
    if key in aliases:
        return aliases[key]
    return cities.get(key.replace("_", " ")) or fixed_offset_zone(key)


OFFSET = re.compile(r"(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?00)?")


def fixed_offset_zone(text: str) -> str | None:
    """ "GMT+2", "UTC-5", "utc +10:00" as the IANA zone of that whole-hour offset ("Etc/GMT-2":
    the Etc names count the other way). None for anything else, half hours included."""
    match = OFFSET.fullmatch(text.strip().lower())
    if match is None:
        return None
    hours = int(match.group(2))
    if hours == 0:
        return "Etc/UTC"
    if hours > (14 if match.group(1) == "+" else 12):
        return None
    return f"Etc/GMT{'-' if match.group(1) == '+' else '+'}{hours}"


def is_fixed_offset(zone: str) -> bool:
    """A zone that never changes for daylight saving time (chosen as "GMT+2")."""
    return zone.startswith("Etc/GMT") and zone[7:8] in ("+", "-")


@lru_cache(maxsize=8192)  # a tick asks for the same few thousand (day, minute, zone) many times
def occurrence(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of `minute` on local `day`; a time skipped by DST moves to the next valid minute."""
    wall = datetime.combine(day, time(minute // 60, minute % 60))
    for step in range(0, 24 * 60):
        candidate = (wall + timedelta(minutes=step)).replace(tzinfo=zone)
        # fold=0: in the repeated hour of autumn the first occurrence is taken, so it fires once.
        as_utc = candidate.astimezone(UTC)
        if as_utc.astimezone(zone).replace(tzinfo=None) == candidate.replace(tzinfo=None):
            return as_utc
    raise ValueError(f"no valid local time on {day} in {zone}")


def next_occurrence(
    now: datetime, minute: int, zone_name: str, after_day: date | None = None
) -> tuple[date, datetime]:
    """The first local day (after `after_day`, if given) whose check-in instant is after `now`."""
    zone = ZoneInfo(zone_name)
    day = now.astimezone(zone).date()
    if after_day is not None and day <= after_day:
        day = after_day + timedelta(days=1)
    while True:
        due = occurrence(day, minute, zone)
        if due > now:
            return day, due
        day += timedelta(days=1)


def local_today(now: datetime, zone_name: str) -> date:
    return now.astimezone(ZoneInfo(zone_name)).date()


def next_weekly(
    now: datetime, weekday: int, minute: int, zone_name: str, after_day: date | None = None
) -> tuple[date, datetime]:
    """The next `weekday` (Monday 0) at `minute`, local time, after `now` (and after `after_day`)."""
    zone = ZoneInfo(zone_name)
    day = now.astimezone(zone).date()
    if after_day is not None and day <= after_day:
        day = after_day + timedelta(days=1)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while True:
        due = occurrence(day, minute, zone)
        if due > now:
            return day, due
        day += timedelta(days=7)
