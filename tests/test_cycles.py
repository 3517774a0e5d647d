"""The injection cycle's arithmetic on made-up diaries: regular, irregular, gappy and flat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.cycles import cycles, day_of_cycle, pattern, strengths, week_of

START = date(2026, 1, 5)


def diary(first: date, values: Sequence[int | None]) -> dict[date, int]:
    """Strength per day from `first`; None is a day nothing was written."""
    return {first + timedelta(days=i): v for i, v in enumerate(values) if v is not None}


def typical(weeks_of_relief: int = 9) -> list[int]:
    """Strength 6 before; relief from day 4, down to 1 in weeks 2-3, 2 until it wears off in week
    `weeks_of_relief` (5), then 6 again."""
    before = [6] * 14
    cycle = [6, 6, 6, 6, 3, 2, 2] + [1] * 14 + [2] * 7 * (weeks_of_relief - 4) + [5] * 7 + [6] * 7
    return before + cycle


def test_a_regular_cycle_has_onset_best_and_wear_off() -> None:
    by_day = diary(START - timedelta(days=14), typical())
    (cycle,) = cycles([START], by_day)
    assert cycle.baseline == 6
    assert cycle.onset_day == 4
    assert cycle.best_week == 2
    assert cycle.wear_off_week == 9  # back to 5 (of 6 before) in week 9
    assert not cycle.wear_off_said


def test_the_person_saying_it_wears_off_wins_over_the_numbers() -> None:
    by_day = diary(START - timedelta(days=14), typical())
    (cycle,) = cycles([START], by_day, wearing_off=[START + timedelta(days=55)])
    assert cycle.wear_off_week == 8 and cycle.wear_off_said


def test_irregular_cycles_end_the_day_before_the_next_injection() -> None:
    by_day = diary(START - timedelta(days=14), typical(6)[: 14 + 42] + typical(12)[14:])
    second = START + timedelta(days=42)
    first, latest = cycles([second, START], by_day)  # any order in, oldest first out
    assert first.ends == second - timedelta(days=1) and latest.ends is None
    assert first.best_week == 2 and latest.best_week == 2
    assert latest.baseline is not None and latest.baseline < 6  # the fortnight before was still relieved
    assert latest.wear_off_week == 12


def test_missing_days_still_give_weeks_with_two_days_written() -> None:
    values = typical()
    gappy = [v if i % 3 == 0 else None for i, v in enumerate(values)]
    (cycle,) = cycles([START], diary(START - timedelta(days=14), gappy))
    assert cycle.best_week in (2, 3)
    assert cycle.wear_off_week in (9, 10)
    assert cycle.onset_day is not None and 3 <= cycle.onset_day <= 7


def test_no_relief_means_no_onset_best_or_wear_off() -> None:
    by_day = diary(START - timedelta(days=14), [5] * 14 + [5, 6, 5, 4, 5, 6, 5] * 8)
    (cycle,) = cycles([START], by_day)
    assert (cycle.onset_day, cycle.best_week, cycle.wear_off_week) == (None, None, None)


def test_a_first_injection_without_a_diary_before_uses_its_first_days() -> None:
    by_day = diary(START, typical()[14:])
    (cycle,) = cycles([START], by_day)
    assert cycle.baseline == 6 and cycle.onset_day == 4


def test_an_empty_diary_says_nothing() -> None:
    (cycle,) = cycles([START], {})
    assert cycle.days_written == 0 and cycle.baseline is None and cycle.best_week is None
    assert pattern([cycle]) is None


def test_the_pattern_is_the_median_of_the_last_three_cycles() -> None:
    injections, by_day, first = [], {}, START
    for relief in (5, 9, 10, 11):
        injections.append(first)
        values = typical(relief)
        by_day.update(diary(first - timedelta(days=14), values))
        first += timedelta(days=len(values) - 14)
    found = pattern(cycles(injections, by_day))
    assert found is not None and found.cycles == 3
    assert found.wear_off_week == 10 and found.best_week == 2 and found.onset_day == 4


@dataclass
class Row:
    local_date: date
    had_spasm: bool | None
    severity: int | None


def test_strengths_take_each_days_strongest_and_count_no_spasm_as_zero() -> None:
    rows = [Row(START, True, 3), Row(START, True, 7), Row(START + timedelta(days=1), False, None)]
    rows.append(Row(START + timedelta(days=2), None, None))  # a check-in left unanswered
    assert strengths(rows) == {START: 7, START + timedelta(days=1): 0}  # type: ignore[arg-type]


def test_days_and_weeks_count_as_people_do() -> None:
    assert day_of_cycle(START, START) == 0 and day_of_cycle(START, START + timedelta(days=20)) == 20
    assert [week_of(d) for d in (0, 6, 7, 69, 70)] == [1, 1, 2, 10, 11]
