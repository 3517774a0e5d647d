"""A whole correction from the Mini App: checked in full, then written together."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.domain.corrections import apply_correction, correction_problem


def entry(**answers: Any) -> Any:
    saved = {"severity": 5, "stress": 3, "sleep_hours": None, "locations": "eyelid,cheek",
             "triggers": "stress", "sides": "eyelid:left,cheek:both", "duration": "minutes",
             "duration_minutes": 20}  # fmt: skip
    return SimpleNamespace(**{**saved, **answers})


@pytest.mark.parametrize(
    ("changes", "had_spasm", "problem"),
    [
        ({"strength": 4}, True, None),
        ({"strength": 4}, False, "no_spasm"),
        ({"places": ["jaw"]}, False, "no_spasm"),
        ({"duration": "day"}, False, "no_spasm"),
        ({"triggers": ["alcohol"], "stress": 2}, False, None),
        ({"places": []}, True, "choice"),
        ({"places": ["jaw", "jaw"]}, True, "choice"),
        ({"triggers": ["not_sure", "alcohol"]}, True, "choice"),
        ({"triggers": ["not_sure"]}, True, None),
        ({"sides": {"jaw": "middle"}}, True, "choice"),
        ({"sleep": 7.5, "stress": 10}, True, None),
        ({"sleep": 7.25}, True, "number"),
        ({"colour": "red"}, True, "number"),
        ({}, True, "number"),
        ({"places": [["jaw"]]}, True, "choice"),
        ({"triggers": [{"a": 1}]}, True, "choice"),
        ({"duration": ["day"]}, True, "choice"),
        ({"sides": {"eyelid": ["left"]}}, True, "choice"),
        ({"sides": {"jaw": "left"}}, True, "choice"),  # the entry has no jaw
        ({"sides": {"eyelid": "right"}}, True, None),
        ({"places": ["jaw"], "sides": {"jaw": "left"}}, True, None),
        ({"places": ["jaw"], "sides": {"eyelid": "left"}}, True, "choice"),
    ],
)
def test_what_the_diary_can_hold(changes: dict[str, Any], had_spasm: bool, problem: str | None) -> None:
    """Anything else the page (or someone imitating it) sends is refused, never a server error."""
    assert correction_problem(changes, had_spasm, ["eyelid", "cheek"]) == problem


def test_a_place_taken_away_takes_its_side_and_typed_minutes_go_with_a_new_duration() -> None:
    c = entry()
    apply_correction(c, {"places": ["cheek", "jaw"], "sides": {"jaw": "right"}, "duration": "hour"})
    assert (c.locations, c.sides) == ("cheek,jaw", "cheek:both,jaw:right")
    assert (c.duration, c.duration_minutes) == ("hour", None)
    assert (c.severity, c.stress, c.triggers) == (5, 3, "stress")  # what was not sent stays


def test_numbers_and_triggers_are_stored_as_the_chat_stores_them() -> None:
    c = entry()
    apply_correction(c, {"strength": 2, "sleep": 6.5, "triggers": ["caffeine", "stress"]})
    assert (c.severity, c.sleep_hours, c.triggers) == (2, 6.5, "stress,caffeine")
    apply_correction(c, {"triggers": []})
    assert c.triggers == "" and c.duration_minutes == 20  # none of these; the minutes as typed stay


def test_places_whose_sides_are_not_known_leave_the_sides_answered_not_unasked() -> None:
    c = entry(sides=None)
    apply_correction(c, {"places": ["jaw"]})
    assert (c.locations, c.sides) == ("jaw", "")
