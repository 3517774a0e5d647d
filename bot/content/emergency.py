"""content/<language>/emergency.toml: emergency numbers by country, and the fallback."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, field_validator


class EmergencyBook(BaseModel):
    """content/<language>/emergency.toml."""

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
