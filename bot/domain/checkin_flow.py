"""The pure rules of a check-in: which question comes next and what an answer stores."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bot.domain.entry import Entry
from bot.domain.notes import Note, notes_of
from bot.domain.vocab import DURATIONS, LOCATIONS, REDFLAG_BUTTONS, SIDES, TRIGGERS

NUMBER_STEPS = ("severity", "stress")
MULTI_STEPS = {"locations": LOCATIONS, "triggers": TRIGGERS}
ANSWER_FIELDS = (
    "had_spasm", "locations", "sides", "severity", "duration", "duration_minutes", "red_flags", "stress",
    "triggers", "sleep_hours", "sleep_asked",
)  # fmt: skip
EDITABLE = ("spasm", "stress", "triggers", "sleep")
SLEEP_CHOICES = ("3", "4", "5", "6", "7", "8", "9", "10", "none")  # hours; "none": not recorded
MAX_SLEEP = 24.0


class Outcome(StrEnum):
    SHOW = "show"  # render the view (a question, or the finished card)
    STALE = "stale"  # an old or foreign button: nothing was written
    NEED_LOCATION = "need_location"
    NUMBER_HINT = "number_hint"
    CORRECT_MENU = "correct_menu"
    NOTE_ASK = "note_ask"
    NOTE_SAVED = "note_saved"
    NOTE_EMPTY = "note_empty"
    NOTE_TOO_LONG = "note_too_long"
    CANCELLED = "cancelled"
    DAY_FUTURE = "day_future"  # a report about a day still to come: nothing written
    DAY_MENU = "day_menu"  # the days an entry can be moved to
    DAY_TAKEN = "day_taken"  # that day has its check-in already
    NEED_SETUP = "need_setup"
    USE_BUTTONS = "use_buttons"  # text typed while a check-in waits for a tap


@dataclass(frozen=True)
class CheckinView:
    id: int
    kind: str
    local_date: date
    status: str
    step: str
    had_spasm: bool | None
    locations: tuple[str, ...]
    severity: int | None
    duration: str | None
    stress: int | None
    triggers: tuple[str, ...]
    notes: tuple[Note, ...]
    draft: tuple[str, ...]
    message_id: int | None
    red_flags: tuple[str, ...] = ()
    review: bool = False
    sleep_hours: float | None = None
    duration_minutes: int | None = None
    sides: tuple[tuple[str, str], ...] = ()  # (place, side) for the places whose side is known
    before: CheckinView | None = None  # a draft of changes: the saved entry it would change

    def side_of(self, place: str) -> str | None:
        return dict(self.sides).get(place)


def split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(",") if v)


def view_of(c: Entry) -> CheckinView:
    assert c.id is not None
    return CheckinView(
        c.id, c.kind, c.local_date, c.status, c.step, c.had_spasm, split(c.locations),
        c.severity, c.duration, c.stress, split(c.triggers), notes_of(c.notes), split(c.draft), c.message_id,
        split(c.red_flags), c.review, c.sleep_hours, c.duration_minutes, sides_of(c.sides),
    )  # fmt: skip


def sides_of(stored: str | None) -> tuple[tuple[str, str], ...]:
    """ "eyelid:left,cheek:both" as pairs, in the order stored."""
    pairs = (item.partition(":") for item in split(stored))
    return tuple((place, side) for place, _, side in pairs if side in SIDES)


def joined_places(places: Sequence[str]) -> str | None:
    """Known places as stored, in the order of LOCATIONS; None for none."""
    return ",".join(p for p in LOCATIONS if p in places) or None


def joined_sides(sides: Sequence[tuple[str, str]]) -> str | None:
    """(place, side) pairs as stored ("eyelid:left,cheek:both"); None for none."""
    known = dict(sides)
    return ",".join(f"{p}:{known[p]}" for p in LOCATIONS if known.get(p) in SIDES) or None


def with_side(stored: str | None, place: str, side: str) -> str:
    """The stored sides with `place` set to `side`, in the order of LOCATIONS."""
    sides = {**dict(sides_of(stored)), place: side}
    return ",".join(f"{p}:{sides[p]}" for p in LOCATIONS if p in sides)


def next_step(c: Entry) -> str:
    morning = c.kind == "morning"  # the night's sleep first, then the face on waking; nothing else
    if morning and c.sleep_hours is None and not c.sleep_asked:
        return "sleep"
    if c.had_spasm is None:
        return "spasm"
    if c.had_spasm:
        answers = {
            "locations": c.locations,
            "sides": c.sides,
            "severity": c.severity,
            "duration": c.duration,
            "redflags": c.red_flags,
        }
        for step, value in answers.items():
            if value is None:
                return step
    if morning:
        return "review" if c.review else "done"
    if c.stress is None:
        return "stress"
    if c.kind == "checkin" and c.sleep_hours is None and not c.sleep_asked:
        return "sleep"
    if c.triggers is None:
        return "triggers"
    return "review" if c.review else "done"


def has_answers(c: Entry) -> bool:
    slept = c.kind == "morning" and c.sleep_hours is not None  # a morning check-in begins with sleep
    return c.had_spasm is not None or c.stress is not None or slept


def _toggle(draft: str, value: str, allowed: tuple[str, ...]) -> str:
    picks = [v for v in split(draft) if v in allowed]
    if value in picks:
        picks.remove(value)
    else:
        picks.append(value)
        if allowed is TRIGGERS:  # "not sure" excludes the named triggers, and back
            picks = [value] if value == "not_sure" else [p for p in picks if p != "not_sure"]
    return ",".join(sorted(picks, key=allowed.index))


def apply_answer(c: Entry, step: str, value: str) -> Outcome | None:
    """Store one answer; None when the value is not a valid answer to that step."""
    if step == "spasm" and value in ("y", "n"):
        c.had_spasm = value == "y"
        if not c.had_spasm:
            clear_spasm(c)
    elif step in NUMBER_STEPS and value.isdigit() and int(value) <= 10:
        setattr(c, step, int(value))
    elif step == "duration" and value in DURATIONS:
        c.duration, c.duration_minutes = value, None
    elif step == "sleep" and value in SLEEP_CHOICES:
        c.sleep_hours, c.sleep_asked = None if value == "none" else float(value), True
    elif step == "review" and value == "save":
        c.review = False
    elif step == "redflags" and (value in REDFLAG_BUTTONS or value == "none"):
        c.red_flags = "" if value == "none" else value
    elif step == "sides":
        return _answer_side(c, value)
    elif step in MULTI_STEPS and value in MULTI_STEPS[step]:
        c.draft = _toggle(c.draft, value, MULTI_STEPS[step])
    elif step in MULTI_STEPS and value == "done":
        if step == "locations" and not c.draft:
            return Outcome.NEED_LOCATION
        setattr(c, step, c.draft)
        c.draft = ""
    else:
        return None
    return Outcome.SHOW


def typed_button(step: str, word: str) -> str | None:
    """The button a typed "yes", "no" or "skip" stands for at `step`, if one does. Never "none" for
    the red-flag question from a "skip": only what the person said is recorded there."""
    meaning = {
        ("spasm", "yes"): "y", ("spasm", "no"): "n", ("redflags", "no"): "none",
        ("sides", "skip"): "skip", ("sides", "no"): "skip",
        ("sleep", "skip"): "none", ("sleep", "no"): "none",
        ("triggers", "no"): "done", ("triggers", "skip"): "done",
        ("review", "yes"): "save", ("review", "save"): "save",
    }  # fmt: skip
    return meaning.get((step, word))


def side_value(place: str, side: str) -> str:
    """A side button's answer: "eyelid_l"."""
    return f"{place}_{side[0]}"


def _answer_side(c: Entry, value: str) -> Outcome | None:
    """One place's side, or "skip" for the rest; the step is done once every place has one."""
    places = split(c.locations)
    if value == "skip":
        c.sides, c.draft = c.draft, ""
        return Outcome.SHOW
    place, _, code = value.rpartition("_")
    side = {s[0]: s for s in SIDES}.get(code)
    if place not in places or side is None:
        return None
    c.draft = with_side(c.draft, place, side)
    if {p for p, _ in sides_of(c.draft)} >= set(places):
        c.sides, c.draft = c.draft, ""
    return Outcome.SHOW


def clear_spasm(c: Entry) -> None:
    """No spasms after all: their details go. Red flags reported stay: they are a safety record."""
    c.locations, c.sides, c.severity, c.duration, c.duration_minutes = None, None, None, None, None
    if not c.red_flags:
        c.red_flags = None


def keep_backup(c: Entry) -> None:
    """Remember the answers as they stand (and whether they were saved), to go back to them if
    the change under way is abandoned."""
    if c.backup is None:
        saved = {name: getattr(c, name) for name in ANSWER_FIELDS}
        c.backup = json.dumps({**saved, "status": c.status})


def start_correction(c: Entry, field: str) -> None:
    """Reopen one answer of a finished check-in, keeping the saved answers until it is done again."""
    keep_backup(c)
    if field == "spasm":
        c.draft = c.locations or ""
        c.had_spasm = None
        clear_spasm(c)
    elif field == "stress":
        c.stress = None
    elif field == "sleep":
        c.sleep_hours = None
    else:
        c.draft, c.triggers = c.triggers or "", None
    c.status, c.editing, c.note_open_until = "open", True, None
    c.step = "sleep" if field == "sleep" else next_step(c)  # sleep is asked only when corrected


def close(c: Entry) -> None:
    """A check-in left unfinished: an abandoned correction or unconfirmed free-text report goes back
    to what was there before it."""
    status = c.status
    if c.backup is not None:
        saved = json.loads(c.backup)
        status = saved.pop("status", "done")
        for name, value in saved.items():
            setattr(c, name, value)
    if status in ("done", "partial", "missed"):
        c.status, c.step = status, "done" if status == "done" else c.step
    else:
        c.status = "partial" if has_answers(c) else "missed"
    c.backup, c.editing, c.review, c.draft = None, False, False, ""


def discard(c: Entry) -> None:
    """Cancel: the entry goes back to what it was before this conversation began. A fresh entry
    is left unanswered, unless it reported red flags: a safety record is kept as it stands."""
    if c.backup is not None or c.red_flags:
        close(c)
        return
    for name in ANSWER_FIELDS:
        setattr(c, name, None)
    c.sleep_asked = False
    c.status, c.editing, c.review, c.draft = "missed", False, False, ""
