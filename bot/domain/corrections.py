"""A correction of a saved entry sent whole (from the Mini App, which showed the change first):
checked in full before anything is written, then applied together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.domain.checkin_flow import MAX_SLEEP, joined_places, sides_of, split
from bot.domain.entry import Entry
from bot.domain.vocab import DURATIONS, LOCATIONS, SIDES, TRIGGERS

NUMBERS = {"strength": "severity", "stress": "stress", "sleep": "sleep_hours"}
CHOICES = ("places", "sides", "duration", "triggers")
SPASM_ONLY = ("strength", "places", "sides", "duration")  # details of spasms, for an entry with spasms


def correction_problem(changes: Mapping[str, Any], had_spasm: bool, places: Sequence[str] = ()) -> str | None:
    """None when every change is one the diary can hold; else "number" (a number out of its range),
    "choice" (a place, side, duration or trigger it does not know, or a side for a place the
    entry will not have; `places` are the entry's now) or "no_spasm".
    """
    if not changes or set(changes) - set(NUMBERS) - set(CHOICES):
        return "number"
    for name, value in changes.items():
        if name in NUMBERS and not _number_ok(name, value):
            return "number"
    if not _choices_ok(changes, changes.get("places", places)):
        return "choice"
    return "no_spasm" if not had_spasm and set(changes) & set(SPASM_ONLY) else None


def _number_ok(name: str, value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if name == "sleep":
        return 0 <= value <= MAX_SLEEP and not (value * 2) % 1
    return value in range(11)


def _choices_ok(changes: Mapping[str, Any], places_after: object) -> bool:
    places, triggers = changes.get("places", []), changes.get("triggers", [])
    sides, duration = changes.get("sides", {}), changes.get("duration", DURATIONS[0])
    if not _ids(places, LOCATIONS) or ("places" in changes and not places):
        return False  # an entry with spasms has at least one place
    if not _ids(triggers, TRIGGERS) or ("not_sure" in triggers and len(triggers) > 1):
        return False
    if not isinstance(sides, dict) or not isinstance(places_after, list | tuple):
        return False
    if not all(k in places_after and isinstance(v, str) and v in SIDES for k, v in sides.items()):
        return False
    return isinstance(duration, str) and duration in DURATIONS


def _ids(value: object, allowed: tuple[str, ...]) -> bool:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return False  # only then may they be hashed: [["jaw"]] is refused, not a server error
    return len(set(value)) == len(value) and all(v in allowed for v in value)


def apply_correction(c: Entry, changes: Mapping[str, Any]) -> None:
    """Write changes `correction_problem` found nothing wrong with. A place taken away takes its
    side with it; sides not sent stay as they were."""
    for name, field in NUMBERS.items():
        if name in changes:
            setattr(c, field, float(changes[name]) if name == "sleep" else int(changes[name]))
    if "places" in changes:
        c.locations = joined_places(changes["places"])
    if "places" in changes or "sides" in changes:
        places = split(c.locations)
        sides = {**dict(sides_of(c.sides)), **changes.get("sides", {})}
        # "" rather than None: the sides were answered (the page showed them), so never asked again.
        c.sides = ",".join(f"{p}:{sides[p]}" for p in LOCATIONS if p in places and p in sides)
    if "duration" in changes:
        c.duration, c.duration_minutes = changes["duration"], None
    if "triggers" in changes:
        c.triggers = ",".join(t for t in TRIGGERS if t in changes["triggers"])
