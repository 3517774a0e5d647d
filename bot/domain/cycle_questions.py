"""Which question about the injection a check-in adds today: "has it started working?" around days
3-7, "how well is it working?" around day 14 and then weekly, until it has worn off."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

STARTED_DAYS = range(3, 8)
FIRST_EFFECT_DAY = 12
EFFECT_EVERY = 7
CYCLE_DAYS = 26 * 7  # after half a year an injection no longer frames the check-ins
WEARING_OFF_FROM = 5 * 7  # from week 6 the one-tap "it's wearing off" comes with each check-in
EFFECT_SCALE = (0, 1, 2, 3, 4)  # 0 no effect .. 4 spasms gone

Question = Literal["started", "effect", "score"]
SCORE_AFTER_DAYS = range(28, 43)  # the score again 4-6 weeks after, to set beside the one before
SCORED_BEFORE_DAYS = 1  # a score given by the day after the injection is the one before it
Score = tuple[int | None, int | None]  # in the way, how often: 0-4 each
SCORE_KINDS = ("severity", "frequency")  # the two halves of the self-rated score


@dataclass(frozen=True)
class Answer:
    kind: str  # started, effect, severity or frequency
    local_date: date
    value: int | None


def scores_around(injected: date, answers: Sequence[Answer]) -> tuple[Score, Score]:
    """The score just before the injection and the one 4-6 weeks after. In each window the first
    given counts: a later tap does not replace it."""
    found = []
    for inside in (lambda d: d <= SCORED_BEFORE_DAYS, lambda d: d in SCORE_AFTER_DAYS):
        window = sorted(
            (a for a in answers if a.value is not None and inside((a.local_date - injected).days)),
            key=lambda a: a.local_date,
        )
        first = {a.kind: a.value for a in reversed(window)}
        found.append((first.get("severity"), first.get("frequency")))
    return found[0], found[1]


@dataclass(frozen=True)
class CycleAsk:
    """What the check-in adds: a question (or none) and whether to offer "it's wearing off"."""

    cycle_day: int
    question: Question | None
    offer_wearing_off: bool


def cycle_ask(
    injected: date, today: date, answers: Sequence[Answer], wearing_off_said: bool
) -> CycleAsk | None:
    """None when no injection frames today's check-in (none yet, or too long ago)."""
    day = (today - injected).days
    if day < 0 or day > CYCLE_DAYS:
        return None
    if any(a.local_date == today for a in answers):
        return CycleAsk(day, None, _offer(day, wearing_off_said))  # asked and answered today already
    started = [a for a in answers if a.kind == "started"]
    effects = sorted((a for a in answers if a.kind == "effect"), key=lambda a: a.local_date)
    question: Question | None = None
    scored_after = any(
        a.kind == "severity" and (a.local_date - injected).days in SCORE_AFTER_DAYS for a in answers
    )
    if day in STARTED_DAYS and not any(a.value for a in started) and not effects:
        question = "started"
    elif day in SCORE_AFTER_DAYS and not scored_after:
        question = "score"
    elif not wearing_off_said and day >= FIRST_EFFECT_DAY:
        last = effects[-1].local_date if effects else None
        if last is None or (today - last).days >= EFFECT_EVERY:
            question = "effect"
    return CycleAsk(day, question, _offer(day, wearing_off_said))


def _offer(day: int, wearing_off_said: bool) -> bool:
    return not wearing_off_said and day >= WEARING_OFF_FROM
