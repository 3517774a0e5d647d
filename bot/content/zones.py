"""content/<language>/timezones.toml: the time zone buttons, city names and check-in times offered."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import field_validator, model_validator

from bot.content.wording import Strict


class ZoneButton(Strict):
    label: str
    zone: str


class Zones(Strict):
    checkin_times: list[str]
    buttons: list[ZoneButton]
    cities: dict[str, str]

    @field_validator("checkin_times")
    @classmethod
    def _times(cls, times: list[str]) -> list[str]:
        for value in times:
            if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
                raise ValueError(f"timezones: check-in time {value!r} is not HH:MM")
        return times

    @model_validator(mode="after")
    def _real_zones(self) -> Zones:
        for zone in [b.zone for b in self.buttons] + list(self.cities.values()):
            try:
                ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"timezones: unknown zone {zone!r}") from exc
        return self
