"""Free-text check-ins read by `bot.nlu.parse_report`: figures on the labelled sets, and the rules
a person relies on (negation, questions, amounts in words)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.content import load_content
from bot.domain.days import DayRef
from bot.language.report_reader import ReportReader
from bot.nlu import Report, day_of_report, parse_report
from tests.report_scoring import DATA, FIELDS, Score, load, score

SETS = {
    "en": [p for p in sorted(DATA.glob("reports_*.tsv")) if not p.name.startswith("reports_es_")],
    "es": sorted(DATA.glob("reports_es_*.tsv")),
}


@pytest.mark.parametrize("language", sorted(SETS))
def test_labelled_sets_meet_the_aims(language: str, capsys: pytest.CaptureFixture[str]) -> None:
    total = Score()
    lines: list[str] = []

    def read(text: str) -> Report:
        return parse_report(text, language)

    for path in SETS[language]:
        rows = load(path)
        lines += score(rows, read).lines(f"{language} {path.name}")
        for text, want in rows:
            total.add(read(text), want)
    lines += total.lines(f"{language}: all {len(SETS[language])} sets")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert total.reports + total.non_reports >= 150
    for name in FIELDS:
        count = total.fields[name]
        assert count.precision >= 0.9 and count.recall >= 0.9, name
    assert total.false_report_share <= 0.03


def test_the_example_from_the_issue() -> None:
    report = parse_report("left eyelid twitching all afternoon, stress 7, slept 5h, 3 coffees")
    assert report.had_spasm is True
    assert report.locations == {"eyelid"}
    assert report.duration_minutes == 240
    assert report.stress == 7
    assert report.sleep_hours == 5
    assert report.triggers == {"stress", "poor_sleep", "caffeine"}
    assert report.severity is None


@pytest.mark.parametrize(
    ("text", "severity"),
    [("cheek 4/10", 4), ("eye spasm four out of ten", 4), ("mild twitch in my lip", 3),
     ("severe spasms around the mouth", 8), ("eye twitching, sev 6", 6)],
)  # fmt: skip
def test_strength_in_numbers_and_words(text: str, severity: int) -> None:
    assert parse_report(text).severity == severity


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("eye twitch for 20 minutes", 20), ("lip spasm, about an hour", 60), ("eyelid all afternoon", 240),
     ("cheek twitching 1.5 hrs", 90), ("twitching for half an hour", 30), ("brow twitch, 2 days now", 2880)],
)  # fmt: skip
def test_durations(text: str, minutes: int) -> None:
    assert parse_report(text).duration_minutes == minutes


def test_how_long_ago_is_the_day_not_the_length() -> None:
    report = parse_report("my eye twitched 3 days ago for 10 minutes")
    assert (report.duration_minutes, report.day) == (10, DayRef("ago", 3))
    assert parse_report("2 weeks back my cheek jumped").duration_minutes is None
    assert parse_report("twitching for 2 days before it stopped").duration_minutes == 2880


def test_negation_and_a_day_without_spasms() -> None:
    report = parse_report("none today :) no coffee, slept 8h")
    assert report.had_spasm is False
    assert report.triggers == set()
    assert report.sleep_hours == 8
    assert parse_report("no twitching at all").had_spasm is False
    assert parse_report("didn't drink, eye twitch").triggers == set()


def test_talking_chewing_and_jaw_clenching_are_overuse_not_a_place() -> None:
    for text in ("jaw clenching all day at work", "kept clenching my jaw", "chewing gum", "talked for hours"):
        report = parse_report(text)
        assert report.triggers == {"overuse"}, text
        assert not report.locations and report.had_spasm is None, text


def test_stress_in_words_and_the_stress_trigger() -> None:
    assert parse_report("very stressed today").stress == 8
    assert parse_report("very stressed today").triggers == {"stress"}
    calm = parse_report("stress 3, eye twitch")
    assert calm.stress == 3
    assert not calm.triggers


@pytest.mark.parametrize(
    "text",
    ["hi!", "thanks 🙏", "can coffee cause eye twitching?", "why does my eyelid twitch",
     "How do I change my reminder time?", "what helps with stress and spasms?", "", "   ", "👍👍",
     "\u200b\u202e", "ok", "y does my eyebrow jump lol", "wat helps w twitchy eye"],
)  # fmt: skip
def test_questions_and_greetings_are_not_reports(text: str) -> None:
    assert not parse_report(text).is_report


def test_a_long_or_odd_text_is_read_safely() -> None:
    assert parse_report("twitch " * 5000).had_spasm is True
    assert not parse_report("9" * 400).is_report  # no float overflow
    assert parse_report("eye twitching for 99999999999999999999 minutes").duration_minutes is None
    assert parse_report("eye twitching for 2000000 days").duration_minutes is None  # fits the column
    assert parse_report("no tea or " * 600 + "coffee").triggers == set()  # long lists read in one pass
    assert parse_report("eye\u200b twitch\u202e 5/10").severity == 5
    assert not parse_report("/10 10/ / //").is_report


def test_bare_scale_answers() -> None:
    reader = ReportReader(load_content(Path(__file__).parents[1] / "content").reports)
    assert [reader.bare_scale(t) for t in ("7", "7/10", "seven", "7 out of 10", "11", "7h", "a")] == [
        7, 7, 7, 7, None, None, None,
    ]  # fmt: skip


def test_a_number_changed_in_a_message_of_its_own() -> None:
    reader = ReportReader(load_content(Path(__file__).parents[1] / "content").reports)
    said = ("actually make it 6", "sorry i mean 4", "no wait, 7/10", "make it six", "actually it was 0",
            "actually", "make it 11", "actually 6 hours", "6", "actually the cheek")  # fmt: skip
    assert [reader.bare_correction(t) for t in said] == [6, 4, 7, 6, 0, None, None, None, None, None]
    at_hours = [
        reader.bare_correction(t, own_figure_asked=True)
        for t in ("it was 6", "actually 6", "sorry i meant 6")
    ]
    assert at_hours == [None, None, 6]
    assert reader.bare_correction("pon " * 2000 + "6") is None  # not Spanish here; and no recursion
    spanish = ReportReader(load_content(Path(__file__).parents[1] / "content", "es").reports)
    assert [spanish.bare_correction(t) for t in ("no mejor 4", "ponle 6", "pon " * 900 + "6")] == [4, 6, 6]


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to know more about blepharospasm",
        "I heard magnesium helps with eye twitching",
        "my doctor said stress can cause twitching",
        "if it twitches again tomorrow I'll call the GP",
    ],
)
def test_hearsay_wishes_and_plans_are_not_reports(text: str) -> None:
    assert not parse_report(text).is_report


def test_a_place_that_was_fine_and_time_without_spasms_are_not_spasms() -> None:
    assert parse_report("eye is fine today").had_spasm is False
    assert parse_report("3 days without twitching") == parse_report("no twitching")
    mixed = parse_report("left eye ok, right cheek twitching")
    assert mixed.had_spasm is True and mixed.locations == {"cheek"}


def test_other_hours_and_drinks_are_not_taken_for_spasms_or_alcohol() -> None:
    worked = parse_report("worked 10 hours, eye twitching")
    assert (worked.had_spasm, worked.duration_minutes) == (True, None)
    assert parse_report("eye twitching at work for 2 hours").duration_minutes == 120
    assert parse_report("drank 2 liters of water").triggers == set()
    assert parse_report("drank 3 coffees").triggers == {"caffeine"}
    assert parse_report("drank too much last night").triggers == {"alcohol"}
    assert parse_report("had my usual dose").triggers == set()
    assert parse_report("started a new dose").triggers == {"medication"}


def test_ranges_corrections_and_thousands() -> None:
    assert parse_report("slept 5-6 hours").sleep_hours == 6.0
    assert parse_report("stress was actually 8").stress == 8
    assert parse_report("stress went up to 7").stress == 7
    assert parse_report("twitching for 1,000 minutes").duration_minutes == 1000
    assert parse_report("slept 7,5 hrs").sleep_hours == 7.5


def test_someone_elses_spasms_another_day_and_the_past_are_not_todays() -> None:
    for text in ("my sister gets eyelid spasms too", "I was diagnosed with hemifacial spasm in 2019",
                 "I get eyelid twitches whenever I drink too much wine"):  # fmt: skip
        assert not parse_report(text).is_report, text
    mixed = parse_report("i was stressed yesterday but today i'm calm, no twitching")
    assert (mixed.had_spasm, mixed.stress, mixed.triggers) == (False, 2, frozenset())
    assert "alcohol" in parse_report("two glasses of wine yesterday. Today my lip twitched").triggers
    assert parse_report("husband did the night feeds and I slept 7 hours").sleep_hours == 7.0


def test_corrections_labels_and_durations_next_to_activities() -> None:
    assert parse_report("eye twitch 5/10. sorry I mean 3/10").severity == 3
    assert parse_report("stress 4, actually no, stress was more like 8").stress == 8
    labelled = parse_report("Twitching: yes. Where: left eye. How bad: 5/10. Stress: 6. Sleep: 6h")
    assert (labelled.severity, labelled.locations, labelled.stress, labelled.sleep_hours) == (
        5, frozenset({"eyelid"}), 6, 6.0,
    )  # fmt: skip
    asked = parse_report("Twitching? Nope. Sleep? Eight hours. Stress? Zero.")
    assert (asked.had_spasm, asked.sleep_hours, asked.stress) == (False, 8.0, 0)
    assert parse_report("Chewed gum all afternoon and now my jaw is twitching").duration_minutes is None
    assert parse_report("chin twitched for 1 minute while I was driving for an hour").duration_minutes == 1
    assert parse_report("spasm in my jaw lasted 1 hr 15 min").duration_minutes == 75
    assert parse_report("twitching lasted twenty five minutes").duration_minutes == 25
    assert parse_report("headache 6/10, eye twitch 3/10").severity == 3
    assert parse_report("nose twitched for a few seconds?? weird").had_spasm is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stress 8 because of the exam next week", {"stress": 8}),
        ("eye twitched when my boss said I have to work the weekend", {"locations": {"eyelid"}}),
        ("left eye 6/10 in case it matters", {"severity": 6, "locations": {"eyelid"}}),
        ("my watch says I slept 5 hours", {"sleep_hours": 5.0}),
        ("kids up all night so slept 4 hours", {"sleep_hours": 4.0}),
        ("partner noticed left eye twitching at dinner", {"locations": {"eyelid"}}),
        ("very stressed about the move next month", {"stress": 8}),
        ("Sorry for the delay. Slept 7 hours, plus a 1 hour nap", {"sleep_hours": 7.0}),
        ("stress 4, actually 8", {"stress": 8}),
        ("slept 6 hours, sorry I mean 7", {"sleep_hours": 7.0}),
        ("had wine and a 20 minute twitch in my eye", {"duration_minutes": 20, "triggers": {"alcohol"}}),
        (
            "eye quiet in the morning but twitched in the afternoon",
            {"had_spasm": True, "locations": {"eyelid"}},
        ),
        ("drank a lot last night and had 3 coffees today", {"triggers": {"alcohol", "caffeine"}}),
        ("I'm going to try sleeping 8 hours a night from now on", {"is_report": False}),
        ("I read that screens and poor sleep make twitching worse", {"is_report": False}),
        ("my grandmother had blepharospasm", {"is_report": False}),
    ],
)
def test_a_part_that_is_hearsay_or_a_plan_is_left_out_not_the_whole_message(
    text: str, expected: dict[str, object]
) -> None:
    report = parse_report(text)
    for name, value in expected.items():
        assert getattr(report, name) == value, (text, name)


def test_sides_and_days_on_the_independent_set(capsys: pytest.CaptureFixture[str]) -> None:
    """First measured, before any change because of it: place:side pairs P 83.5% / R 82.7%, sides
    read right 77.4%, no side invented; days 89.1% right (past days 86.5%, 7 past days invented)."""
    from tests.side_day_scoring import TODAY, score
    from tests.side_day_scoring import load as load_sides

    result = score(load_sides(), parse_report, lambda r: day_of_report(r, TODAY))
    with capsys.disabled():
        print("\nsides_days_independent.tsv:\n" + "\n".join(result.lines()))
    assert result.pairs_right / result.pairs_read >= 0.9 and result.pairs_right / result.pairs_labelled >= 0.9
    assert result.sides_invented == 0
    assert result.days_right / result.days >= 0.9 and result.past_invented <= 3


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("left eyelid twitching", {("eyelid", "left")}),
        ("L eye and R cheek", {("eyelid", "left"), ("cheek", "right")}),
        ("both eyes twitching", {("eyelid", "both")}),
        ("left eye and cheek", {("eyelid", "left"), ("cheek", "left")}),
        ("cheek twitching on the right side", {("cheek", "right")}),
        ("lft eye 5/10", {("eyelid", "left")}),
        ("I left work early, eye twitching", set()),
        ("right now my eye twitches", set()),
        ("left eye twitching. then the lip on the other side", {("eyelid", "left"), ("lip", "right")}),
    ],
)
def test_the_side_of_the_face(text: str, sides: set[tuple[str, str]]) -> None:
    assert set(parse_report(text).sides) == sides


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("yesterday my right cheek went crazy", "2026-12-08"),
        ("Yesterday. Left eye all evening", "2026-12-08"),
        ("slept 5h last night, left lid twitching", "today"),
        ("on Monday my eye twitched", "2026-12-07"),
        ("last wednesday eye twitched", "2026-12-02"),
        ("2 days ago my lip twitched", "2026-12-07"),
        ("on the 3rd my cheek was jumping", "2026-12-03"),
        ("on the 28th my cheek was jumping", "2026-11-28"),
        ("stressed yesterday but calm today, eye twitching", "today"),
        ("exam tomorrow so my eye twitches like crazy", "today"),
        ("tomorrow my eye will twitch for sure", "future"),
    ],
)
def test_the_day_a_report_is_about(text: str, day: str) -> None:
    assert day_of_report(parse_report(text), date(2026, 12, 9)) == day
