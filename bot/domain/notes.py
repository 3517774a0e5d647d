"""An entry's notes: a list with the time each was written, only ever added to."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from bot.domain.entry import Entry

NOTE_MAX = 1000  # characters; a longer note is refused whole, never cut


@dataclass(frozen=True)
class Note:
    at: datetime  # aware, UTC
    text: str


def notes_of(stored: str | None) -> tuple[Note, ...]:
    return tuple(Note(datetime.fromisoformat(n["at"]), n["text"]) for n in json.loads(stored or "[]"))


def storable(text: str) -> str:
    """Text any database can keep: no NUL (PostgreSQL refuses it) and no lone surrogate (not
    encodable as UTF-8), which only a forged or broken client sends."""
    return "".join(ch for ch in text if ch != "\x00" and not "\ud800" <= ch <= "\udfff")


def add_note(entry: Entry, text: str, at: datetime) -> Note:
    text = storable(text)
    note = Note(at, text)
    kept = json.loads(entry.notes or "[]")
    kept.append({"at": at.isoformat(), "text": text})
    entry.notes = json.dumps(kept, ensure_ascii=False)
    return note


def note_problem(text: str) -> str | None:
    """Why a typed note cannot be kept as it is: "empty" or "too_long"; None when it can."""
    if not text.strip():
        return "empty"
    return "too_long" if len(text.strip()) > NOTE_MAX else None
