"""Local check-in times across DST changes, in northern and southern zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.schedule import next_occurrence, occurrence, parse_time, resolve_timezone

# (zone, spring-forward day, its skipped local hour, fall-back day, its repeated local hour)
TRANSITIONS = [
    ("Europe/Berlin", date(2026, 3, 29), 2, date(2026, 10, 25), 2),
    ("America/New_York", date(2026, 3, 8), 2, date(2026, 11, 1), 1),
    ("Australia/Sydney", date(2026, 10, 4), 2, date(2026, 4, 5), 2),
]


def local(instant: datetime, zone: str) -> datetime:
    return instant.astimezone(ZoneInfo(zone))


@pytest.mark.parametrize(("zone", "spring", "gap_hour", "autumn", "repeat_hour"), TRANSITIONS)
def test_ordinary_time_fires_at_that_local_time_on_both_transition_days(
    zone: str, spring: date, gap_hour: int, autumn: date, repeat_hour: int
) -> None:
    for day in (spring, autumn):
        fired = local(occurrence(day, 8 * 60 + 30, ZoneInfo(zone)), zone)
        assert (fired.date(), fired.hour, fired.minute) == (day, 8, 30)


@pytest.mark.parametrize(("zone", "spring", "gap_hour", "autumn", "repeat_hour"), TRANSITIONS)
def test_a_time_skipped_by_dst_fires_at_the_next_valid_minute(
    zone: str, spring: date, gap_hour: int, autumn: date, repeat_hour: int
) -> None:
    fired = local(occurrence(spring, gap_hour * 60 + 30, ZoneInfo(zone)), zone)
    assert (fired.date(), fired.hour, fired.minute) == (spring, gap_hour + 1, 0)


@pytest.mark.parametrize(("zone", "spring", "gap_hour", "autumn", "repeat_hour"), TRANSITIONS)
def test_daily_sequence_fires_once_per_local_day_through_both_transitions(
    zone: str, spring: date, gap_hour: int, autumn: date, repeat_hour: int
) -> None:
    for transition, minute in ((spring, 8 * 60 + 30), (autumn, repeat_hour * 60 + 30)):
        now = datetime.combine(transition - timedelta(days=3), datetime.min.time(), tzinfo=UTC)
        fired_days = []
        day = None
        for _ in range(7):
            day, due = next_occurrence(now, minute, zone, after_day=day)
            fired_days.append(local(due, zone).date())
            assert local(due, zone).minute == 30
            now = due  # the scheduler moves on from the instant it fired
        assert len(fired_days) == len(set(fired_days)) == 7
        assert transition in fired_days


def test_repeated_autumn_hour_takes_the_first_occurrence() -> None:
    due = occurrence(date(2026, 10, 25), 2 * 60 + 30, ZoneInfo("Europe/Berlin"))
    assert due == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST, not 02:30 CET


def test_next_occurrence_is_today_if_still_ahead_else_tomorrow() -> None:
    now = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # 08:00 in Berlin
    assert next_occurrence(now, 9 * 60, "Europe/Berlin")[0] == date(2026, 6, 1)
    assert next_occurrence(now, 7 * 60, "Europe/Berlin")[0] == date(2026, 6, 2)


@pytest.mark.parametrize(
    ("typed", "minute"),
    [
        ("08:30", 510),
        ("8:30", 510),
        ("20.15", 1215),
        ("7:05 pm", 1145),
        ("9am", 540),
        ("12am", 0),
        ("00:00", 0),
        ("8;30", 510),
        ("8,30", 510),
        ("20 15", 1215),
        ("7 05 pm", 1145),
    ],
)
def test_parse_time_accepts_everyday_formats(typed: str, minute: int) -> None:
    assert parse_time(typed) == minute


@pytest.mark.parametrize(
    "typed", ["25:00", "12:60", "7", "noon", "", "13pm", "08:3", "8 3", "2026 12", "8;;30"]
)
def test_parse_time_refuses_what_is_not_a_time(typed: str) -> None:
    assert parse_time(typed) is None


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("San Francisco", "America/Los_Angeles"),
        ("  Mumbai ", "Asia/Kolkata"),
    ],
)
def test_resolve_timezone(typed: str, zone: str) -> None:
    assert resolve_timezone(typed, {"san francisco": "America/Los_Angeles", "mumbai": "Asia/Kolkata"}) == zone


@pytest.mark.parametrize("typed", ["Atlantis", "", "x" * 200, "Europe/Nowhere"])
def test_resolve_timezone_refuses_unknown_names(typed: str) -> None:
    assert resolve_timezone(typed, {}) is None
