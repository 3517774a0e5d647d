"""Public free-text reading: `parse_report(text, language)` -> `Report`, with the shipped content's words."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_content
from bot.content.loader import ENGLISH
from bot.domain.days import resolve
from bot.language.report_reader import Report, ReportReader

__all__ = ["Report", "ReportReader", "day_of_report", "parse_report"]


@lru_cache(maxsize=4)
def _reader(language: str) -> ReportReader:
    return ReportReader(load_content(DEFAULT_CONTENT_DIR, language).reports)


def parse_report(text: str, language: str = ENGLISH) -> Report:
    """had_spasm, severity, stress, locations, triggers, sleep_hours, duration_minutes: each None
    (or empty) when the text does not say; `is_report` is False for a question or a greeting.
    `language` ("en", "es") says whose words to read it with."""
    return _reader(language).read(text)


def day_of_report(report: Report, today: date) -> str:
    """ "today", "future", or the ISO date of the earlier day the report is about."""
    if report.day is None:
        return "today"
    day = resolve(report.day, today)
    return "today" if day is None or day == today else ("future" if day == "future" else day.isoformat())
