"""The local emergency number for a person, from their time zone's country."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

SYSTEM_ZONEINFO = Path("/usr/share/zoneinfo")


class EmergencyBook(BaseModel):
    """content/emergency.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    fallback: str
    numbers: dict[str, str]

    @field_validator("fallback")
    @classmethod
    def _digits(cls, value: str) -> str:
        if not re.fullmatch(r"\d{3,6}", value):
            raise ValueError(f"emergency number {value!r} must be 3 to 6 digits")
        return value

    @field_validator("numbers")
    @classmethod
    def _table(cls, numbers: dict[str, str]) -> dict[str, str]:
        for country, number in numbers.items():
            if not re.fullmatch(r"[A-Z]{2}", country) or not re.fullmatch(r"\d{3,6}", number):
                raise ValueError(f"emergency.numbers: bad entry {country} = {number!r}")
        return numbers

    def for_zone(self, zone: str | None) -> str:
        country = country_of_zone(zone) if zone else None
        return self.numbers.get(country or "", self.fallback)


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
