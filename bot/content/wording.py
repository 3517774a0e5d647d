"""The base of every content schema, and the one check all wording passes: each text is non-empty
and uses only the placeholders its field declares (`Annotated[Text, Slots("time")]`)."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.content.catalogue import Phrase, Text

__all__ = ["Plural", "Slots", "Strict", "Text", "Wording", "check_wording", "exact_keys", "plural"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Slots:
    """The {placeholders} a text may use; a text field without Slots may use none."""

    names: frozenset[str]

    def __init__(self, *names: str) -> None:
        object.__setattr__(self, "names", frozenset(names))


def exact_keys(value: dict[str, str], keys: tuple[str, ...], what: str) -> dict[str, str]:
    if set(value) != set(keys):
        raise ValueError(f"{what} must label exactly {sorted(keys)}, got {sorted(value)}")
    return value


def _check_text(where: str, text: str, allowed: frozenset[str]) -> None:
    if not text.strip():
        raise ValueError(f"{where}: empty text")
    if isinstance(text, Phrase):
        used = set(text.variables)
    else:
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    if not used <= allowed:
        raise ValueError(f"{where}: unknown placeholder(s) {sorted(used - allowed)}")


def _check_value(where: str, value: Any, allowed: frozenset[str]) -> None:
    if isinstance(value, str):
        _check_text(where, value, allowed)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_value(f"{where}.{key}", item, allowed)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_value(f"{where}[{index}]", item, allowed)


# A text with a plural form per number, chosen by the language's rules from {count}.
Plural = Text


def plural(forms: str, count: int) -> str:
    """The form for `count`, with {count} filled in."""
    return forms.format(count=count)


class Wording(Strict):
    """A section of messages; `check_wording` checks its texts against their declared placeholders."""


def check_wording(prefix: str, section: BaseModel) -> None:
    """Every text under `section`, named by its path in the file ("checkin.line_note")."""
    for name, field in type(section).model_fields.items():
        where = f"{prefix}.{name}" if prefix else name
        value = getattr(section, name)
        if isinstance(value, BaseModel):
            check_wording(where, value)
        else:
            slots = next((m for m in field.metadata if isinstance(m, Slots)), Slots())
            _check_value(where, value, slots.names)
