"""Read a language's content (content/<language>/) and check every file against its schema, and the
files against each other. A file a language does not have yet is taken from English; such a
language is not complete (`missing`), and only complete languages are offered to people."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal
from pydantic import model_validator

from bot.content.catalogue import read_catalogue
from bot.content.emergency import EmergencyBook
from bot.content.knowledge import KnowledgeBook
from bot.content.messages import Messages
from bot.content.reports import ReportWords
from bot.content.safety import SafetyRules, read_rules
from bot.content.tips import TipBook
from bot.content.topic_model import NONE, TopicModel, load_topic_model
from bot.content.treatment_words import TreatmentWords
from bot.content.triage_model import MODEL_REASON, TriageModel, load_triage_model
from bot.content.wording import Strict
from bot.content.zones import Zones

ENGLISH = "en"
FILES = (
    "messages.ftl", "tips.toml", "timezones.toml", "safety.toml", "knowledge.toml",
    "reports.toml", "treatments.toml", "triage_model.json", "topic_model.json",
)  # fmt: skip
SHARED = "emergency.toml"  # numbers by country, the same whatever the language


class Content(Strict):
    language: str = ENGLISH
    missing: tuple[str, ...] = ()  # files this language still takes from English: not offered yet
    messages: Messages
    tips: TipBook
    zones: Zones
    safety: SafetyRules
    emergency: EmergencyBook
    knowledge: KnowledgeBook
    reports: ReportWords
    treatments: TreatmentWords
    triage_model: TriageModel
    topic_model: TopicModel

    @model_validator(mode="after")
    def _consistent(self) -> Content:
        flags = {flag.id for flag in self.safety.flags} | {MODEL_REASON}
        if set(self.messages.safety.reasons) != flags:
            raise ValueError(f"safety.reasons must word exactly the flags {sorted(flags)}")
        signs = {sign.id for sign in self.safety.urgent}
        missing = signs - set(self.messages.safety.urgent_reasons)
        if missing:
            raise ValueError(f"safety.urgent_reasons: missing {sorted(missing)}")
        try:
            self.day(date(2026, 12, 4))
        except (ValueError, UnknownLocaleError) as exc:
            raise ValueError(f"language-day_format or the language code is not usable: {exc}") from exc
        topics = {topic.id for topic in self.knowledge.topics} | {NONE}
        if set(self.topic_model.labels) != topics:
            raise ValueError("topic_model.json was trained on other topics: run python3 dev.py train-topics")
        return self

    def day(self, day: date) -> str:
        """A day as this language writes it (messages.ftl language-day_format)."""
        return format_date(day, str(self.messages.language.day_format), locale=Locale.parse(self.language))

    def number(self, value: float, decimals: int = 3) -> str:
        """6.5 as this language writes it ("6,5" in Spanish), with no grouping and no trailing zeros."""
        pattern = "0." + "#" * decimals if decimals else "0"
        return format_decimal(value, format=pattern, locale=Locale.parse(self.language))


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def languages(directory: Path) -> list[str]:
    """The languages with a catalogue under `directory`, English first."""
    found = sorted(p.name for p in directory.iterdir() if (p / "messages.ftl").is_file())
    return sorted(found, key=lambda code: code != ENGLISH)


def missing(directory: Path, language: str) -> list[str]:
    """The files this language still takes from English."""
    return [name for name in FILES if not (directory / language / name).is_file()]


def load_languages(directory: Path) -> tuple[Content, dict[str, Content]]:
    """English, and every other language by code, complete or not: start-up refuses a broken one."""
    english = load_content(directory)
    others = {code: load_content(directory, code) for code in languages(directory) if code != ENGLISH}
    for other in others.values():
        _same_ids(english, other)
    return english, others


def _same_ids(english: Content, other: Content) -> None:
    """A tip or a topic is one thing worded in each language: the same ids everywhere."""
    pairs = {
        "tips.toml": ({t.id for t in english.tips.tips}, {t.id for t in other.tips.tips}),
        "knowledge.toml": ({t.id for t in english.knowledge.topics}, {t.id for t in other.knowledge.topics}),
    }
    for name, (theirs, own) in pairs.items():
        if own != theirs:
            raise ValueError(f"{other.language}/{name}: ids differ from English: {sorted(own ^ theirs)}")


def load_content(directory: Path, language: str = ENGLISH) -> Content:
    def pick(name: str) -> Path:
        own = directory / language / name
        return own if own.is_file() else directory / ENGLISH / name

    return Content(
        language=language,
        missing=tuple(missing(directory, language)),
        messages=Messages.model_validate(read_catalogue(pick("messages.ftl"), language)),
        tips=TipBook.model_validate(_read(pick("tips.toml"))),
        zones=Zones.model_validate(_read(pick("timezones.toml"))),
        safety=read_rules(pick("safety.toml")),
        emergency=EmergencyBook.model_validate(_read(directory / ENGLISH / SHARED)),
        knowledge=KnowledgeBook.model_validate(_read(pick("knowledge.toml"))),
        reports=ReportWords.model_validate(_read(pick("reports.toml"))),
        treatments=TreatmentWords.model_validate(_read(pick("treatments.toml"))),
        triage_model=load_triage_model(pick("triage_model.json")),
        topic_model=load_topic_model(pick("topic_model.json")),
    )
