"""The local emergency number for a person, from their time zone's country."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.content.checkin_text import SafetyText
from bot.content.emergency import EmergencyBook

SYSTEM_ZONEINFO = Path("/usr/share/zoneinfo")


def _read_tzdata(name: str) -> bytes | None:
    """A file of the IANA database: the tzdata package first, then the system copy."""
    try:
        return resources.files("tzdata").joinpath("zoneinfo", *name.split("/")).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, IsADirectoryError, NotADirectoryError):
        path = SYSTEM_ZONEINFO / name
        return path.read_bytes() if path.is_file() else None


@lru_cache(maxsize=1)
def _zone_table() -> dict[str, str]:
    raw = _read_tzdata("zone.tab") or b""
    table: dict[str, str] = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 3:
                table[parts[2]] = parts[0]
    return table


@lru_cache(maxsize=1)
def _zones_by_content() -> dict[bytes, str]:
    by_content: dict[bytes, str] = {}
    for zone, country in _zone_table().items():
        data = _read_tzdata(zone)
        if data is not None:
            by_content.setdefault(data, country)
    return by_content


@lru_cache(maxsize=512)
def country_of_zone(zone: str) -> str | None:
    """ISO country of a zone; old names and links ("Asia/Calcutta") match by identical data."""
    table = _zone_table()
    if zone in table:
        return table[zone]
    if ".." in zone or zone.startswith("/"):
        return None
    data = _read_tzdata(zone)
    return _zones_by_content().get(data) if data is not None else None


def number_for_zone(book: EmergencyBook, zone: str | None) -> str:
    """The emergency number of the zone's country, or the book's fallback (112)."""
    country = country_of_zone(zone) if zone else None
    return book.numbers.get(country or "", book.fallback)


def joined(parts: Sequence[str], and_word: str) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {and_word} {parts[-1]}"


def emergency_wording(safety: SafetyText, number: str, reasons: Sequence[str]) -> str:
    """The emergency reply: call the number first, then what to do while waiting."""
    return safety.emergency.format(
        number=number, reasons=joined([safety.reasons[r] for r in reasons], safety.and_word)
    )
