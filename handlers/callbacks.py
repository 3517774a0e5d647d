"""Every kind of button data, defined once: its prefix and fields. The buttons are built from these
definitions and the handlers' patterns come from them, so the two cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64  # Telegram's limit for callback data
MAX_ROW_ID = 2**31 - 1  # the id columns are 32-bit integers


@dataclass(frozen=True)
class Field:
    pattern: str  # a regex for the field's text, without anchors
    max_int: int | None = None  # for a numeric field: the largest value it may hold


ROW_ID = Field(r"\d{1,10}", MAX_ROW_ID)
WORD = Field(r"[a-z_]{1,20}")
HHMM = Field(r"(?:[01]\d|2[0-3])[0-5]\d")


class ButtonData:
    """`prefix:field:field…`: `build` writes it, `parse` reads it back, `pattern` routes it."""

    def __init__(self, prefix: str, *fields: Field) -> None:
        self.prefix, self.fields = prefix, fields
        body = "".join(f":({f.pattern})" for f in fields)
        self.regex = re.compile(f"{re.escape(prefix)}{body}\\Z")

    @property
    def pattern(self) -> re.Pattern[str]:
        return self.regex

    @property
    def family(self) -> re.Pattern[str]:
        """Any data with this prefix, well-formed or not, for a handler that answers both."""
        return re.compile(f"{re.escape(self.prefix)}:")

    def build(self, *values: object) -> str:
        data = ":".join([self.prefix, *(str(v) for v in values)])
        if self.parse(data) is None:
            raise ValueError(f"{self.prefix}: {values!r} does not fit its definition")
        return data

    def parse(self, data: str | None) -> tuple[str, ...] | None:
        """The fields, or None for data that is malformed, too long or out of bounds."""
        if data is None or len(data.encode()) > MAX_BYTES:
            return None
        match = self.regex.match(data)
        if match is None:
            return None
        values = match.groups()
        for field, value in zip(self.fields, values, strict=True):
            if field.max_int is not None and int(value) > field.max_int:
                return None
        return values


def any_of(*kinds: ButtonData) -> re.Pattern[str]:
    """One handler for several kinds of data."""
    return re.compile("|".join(f"(?:{kind.regex.pattern})" for kind in kinds))


# Check-in answers: c:<entry id>:<step>:<value>.
CHECKIN = ButtonData("c", ROW_ID, Field(r"[a-z_]{1,12}"), Field(r"[a-z_0-9]{1,12}"))
SNOOZE_MENU = ButtonData("z", ROW_ID)
SNOOZE = ButtonData("z", ROW_ID, Field(r"60|180|tomorrow"))
# The zone itself, so a tap means the same whatever language the keyboard was shown in; d is the
# operator's default; a number is a button index from keyboards sent before zones were named.
ZONE = ButtonData("tz", Field(r"\d{1,3}|d|[A-Za-z]+(?:/[A-Za-z_+-]+){1,2}"))
CHECKIN_TIME = ButtonData("tm", HHMM)
SETTING = ButtonData("set", Field(r"tz|time"))
# One of several daily check-ins moved or removed (its local minute), or another added ("add:0").
CHECKIN_SLOT = ButtonData("cs", Field(r"mv|rm|add"), Field(r"\d{1,4}", 24 * 60 - 1))
SUMMARY_SETTING = ButtonData("set", Field(r"sum"))
SUMMARY_DAY = ButtonData("sd", Field(r"[0-6]"))
SUMMARY_TIME = ButtonData("smt", HHMM)
TOPIC = ButtonData("k", WORD)  # a knowledge topic id, or "menu"
HISTORY_ENTRY = ButtonData("h", ROW_ID)
HISTORY_DELETE = ButtonData("h:del", ROW_ID)
HISTORY_DELETE_SURE = ButtonData("h:delok", ROW_ID)
ERASE = ButtonData("del", Field(r"yes|no"))
CANCEL = ButtonData("x", Field(r"cancel"))  # whatever is under way
LANGUAGE = ButtonData("lang", Field(r"[a-z]{2,3}"))  # a language code, as its content folder is named
# /treatment: add (pick a day), day (see it before saving), save, no (cancel), off (wearing off);
# keep and drop: Save and Cancel for a typed treatment
TREATMENT = ButtonData("tr", Field(r"add|day|save|no|off|keep|drop"), Field(r"\d{8}|-"))
# The injection card: its day, the places tapped (a bit each, in LOCATIONS order) and the side.
INJECTION_WHERE = ButtonData(
    "tw", Field(r"set|save"), Field(r"\d{8}"), Field(r"\d{1,3}", 2**9 - 1), Field(r"-|left|right|both")
)
RECOVERY = ButtonData("rc", ROW_ID, Field(r"\d{1,3}"), Field(r"ok|hearing|weakness"))  # after an operation
TAKEN = ButtonData("tk", ROW_ID)  # a medicine taken today
MEDICINE_TIME = ButtonData("mt", Field(r"menu|off|(?:[01]\d|2[0-3])[0-5]\d"))  # the daily reminder's time
BOOKING = ButtonData("bk", Field(r"menu|off|\d{1,2}"))  # weeks after an injection to remind to book
SIDE_EFFECT = ButtonData("se", ROW_ID, Field(r"menu|droop|double_vision|dry_eye|watering|cannot_close"))
CYCLE = ButtonData(
    "cy", ROW_ID, Field(r"started|effect|severity|frequency|start_severity|start_frequency"), Field(r"[0-4]")
)  # the check-in's injection question
