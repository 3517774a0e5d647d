"""The doctor's report renders any text cleanly, and time zones typed as offsets are understood."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest

from bot.content import Content
from bot.domain.notes import Note
from bot.domain.schedule import fixed_offset_zone
from bot.render.pdf import render_report
from bot.services.export import Entry, Event, Export
from bot.services.summary import Stats, Summary
from handlers.views.report import report_spec
from tests.harness import Chat

EMOJI_NOTE = "after the dentist 😩👁️‍🗨️ ✅ 🫨 — naïve café"


def an_export() -> tuple[Export, Summary]:
    day = date(2026, 3, 10)
    at = datetime(2026, 3, 10, 20, 30, tzinfo=UTC)
    entry = Entry(day, "episode", "done", True, ("eyelid", "cheek"), 6, "minutes", None, ("paralysis",), 5,
                  ("screen",), 6.5, (Note(at, EMOJI_NOTE),), at, (("eyelid", "left"),))  # fmt: skip
    event = Event(at, "emergency", ("paralysis",), "checkin")
    export = Export(day, day, (entry,), (entry,), (event,), (("screen", 1),))
    stats = Stats(day, day, (), 1, 1, 1, 6.0, 6, 5.0, 6.5, (("screen", 1),), (("eyelid", "left", 1),))
    return export, Summary("month", stats, stats, None, None, None, ("most_days",))


def test_the_report_is_written_for_the_doctor(content: Content) -> None:
    export, summary = an_export()
    spec = report_spec(content, export, summary)
    (row,) = spec.entries
    assert row[:9] == ("2026-03-10", "20:30", "episode", "Eyelid (left); Cheek", "6/10", "Minutes", "5/10",
                       "6.5 h", "Screen time")  # fmt: skip
    assert row[9] == f"20:30 {EMOJI_NOTE}"
    ((when, reported, advised),) = spec.events
    assert when == "2026-03-10 20:30" and "check-in" in reported and advised.startswith("Call")
    everything = " ".join([*spec.summary_rows, spec.disclaimer]).lower()
    assert "you should" not in everything and "see a doctor" not in everything  # no advice to the patient


def test_any_unicode_renders_without_a_warning_or_a_log_line(
    content: Content, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    export, summary = an_export()
    pdf = render_report(report_spec(content, export, summary))  # warnings are errors in this suite
    assert pdf.startswith(b"%PDF")
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING or "missing" in r.getMessage()]
    assert not problems


@pytest.mark.parametrize(
    ("typed", "zone"),
    [("GMT+2", "Etc/GMT-2"), ("utc-5", "Etc/GMT+5"), ("UTC +10:00", "Etc/GMT-10"), ("GMT", None),
     ("UTC+5:30", None), ("GMT+15", None)],
)  # fmt: skip
def test_utc_and_gmt_offsets(typed: str, zone: str | None) -> None:
    assert fixed_offset_zone(typed.lower()) == zone


async def test_an_offset_time_zone_is_accepted_with_a_note_about_daylight_saving(
    chat: Chat, content: Content
) -> None:
    await chat.send("/start")
    await chat.send("GMT+2")
    said = chat.my_messages()[-2]["text"] if "Time zone set" not in chat.last_text() else chat.last_text()
    assert "Time zone set to UTC+2." in said and "daylight saving" in said
    await chat.send("20:00")
    assert "(UTC+2)" in chat.last_text()
