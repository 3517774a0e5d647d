"""Which injection question a check-in adds, day by day through a cycle."""

from __future__ import annotations

from datetime import date, timedelta

from bot.domain.cycle_questions import Answer, cycle_ask

INJECTED = date(2026, 1, 5)


def on(day: int) -> date:
    return INJECTED + timedelta(days=day)


def question(day: int, answers: list[Answer] | None = None, said: bool = False) -> str | None:
    ask = cycle_ask(INJECTED, on(day), answers or [], said)
    return ask.question if ask else "no cycle"


def test_started_is_asked_on_days_3_to_7_until_the_answer_is_yes() -> None:
    assert [question(d) for d in range(0, 9)] == [None, None, None, *["started"] * 5, None]
    not_yet = [Answer("started", on(3), 0)]
    assert question(4, not_yet) == "started"
    assert question(5, [Answer("started", on(4), 1)]) is None


def test_how_well_from_day_12_then_weekly() -> None:
    assert question(11) is None and question(12) == "effect"
    first = [Answer("effect", on(13), 3)]
    assert [question(d, first) for d in (14, 19, 20, 27)] == [None, None, "effect", "effect"]
    assert question(26, [*first, Answer("effect", on(20), 2)]) is None


def test_one_question_a_day_and_none_once_it_has_worn_off() -> None:
    assert question(5, [Answer("effect", on(5), 2)]) is None  # answered today already
    assert question(45, said=True) is None
    assert question(30) == "score" and question(30, [Answer("severity", on(29), 2)]) == "effect"


def test_the_wearing_off_tap_is_offered_from_week_6_until_said() -> None:
    assert cycle_ask(INJECTED, on(34), [], False).offer_wearing_off is False  # type: ignore[union-attr]
    assert cycle_ask(INJECTED, on(35), [], False).offer_wearing_off is True  # type: ignore[union-attr]
    assert cycle_ask(INJECTED, on(60), [], True).offer_wearing_off is False  # type: ignore[union-attr]


def test_no_cycle_before_the_injection_or_half_a_year_after() -> None:
    assert question(-1) == "no cycle" and question(26 * 7 + 1) == "no cycle"
    assert question(26 * 7) == "effect"
