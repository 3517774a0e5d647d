"""The words the free-text reader knows (content/reports.toml, checked at load) and how text is
cut into them."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from bot.domain.vocab import LOCATIONS, TRIGGERS
from bot.language.triage import ZERO_WIDTH

Anchor = Literal["sleep", "stress_scale", "severity_scale", "scale_out_of"]
REPORT_TRIGGERS = tuple(t for t in TRIGGERS if t != "not_sure")
STRESS_TRIGGER_FROM = 6  # a stress level this high counts as the "stress" trigger
POOR_SLEEP_UNDER = 6.0  # fewer hours than this count as "poor sleep"
MAX_TEXT = 4096  # Telegram's own limit; longer text is read up to here
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "~": " "})
# A dash between numbers is a token of its own, for ranges: "5-6 hours".
TOKEN = re.compile(r"\d+(?:[.,]\d+)?|(?<=\d)-(?=\s*\d)|[a-z]+(?:['-][a-z]+)*|/")
# "5h", "20min", "stress7": a number glued to a word is two tokens.
GLUED = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")
FILLERS = frozenset({"about", "around", "only", "just", "like", "maybe", "approx", "roughly", "for", "of",
                     "a", "an", "was", "is", "at", "level", "lvl", "=", "been", "got", "get", "nearly",
                     "almost", "barely", "under", "over", "max", "total", "probably", ":",
                     "approximately", "circa", "some", "solid", "good", "decent", "full", "whole", "ish",
                     "or", "so", "actually", "really", "went", "up", "to", "rose", "reached", "hit",
                     "down", "dropped", "now", "today", "still", "more"})  # fmt: skip


class ReportWords(BaseModel):
    """content/reports.toml: every list non-empty, every place and trigger worded."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    question_starts: list[str]
    spelling: dict[str, str]
    ignore: list[str]
    not_a_report: list[str]
    not_a_report_openers: list[str]
    aside_breaks: list[str]
    people: list[str]
    activities: list[str]
    other_drinks: list[str]
    vague_triggers: dict[str, list[str]]
    negations: list[str]
    negation_window: int
    clause_breaks: list[str]
    corrections: list[str]
    other_days: list[str]
    numbers: dict[str, float]
    spasm: dict[Literal["words", "none", "fine"], list[str]]
    locations: dict[str, list[str]]
    triggers: dict[str, list[str]]
    severity_words: dict[str, int]
    stress_words: dict[str, int]
    duration_phrases: dict[str, int]
    units: dict[str, int]
    words: dict[Anchor, list[str]]

    @model_validator(mode="after")
    def _complete(self) -> ReportWords:
        if set(self.locations) != set(LOCATIONS):
            raise ValueError(f"reports.locations must list exactly {sorted(LOCATIONS)}")
        if set(self.triggers) != set(REPORT_TRIGGERS):
            raise ValueError(f"reports.triggers must list exactly {sorted(REPORT_TRIGGERS)}")
        if not set(self.vague_triggers) <= set(REPORT_TRIGGERS):
            raise ValueError(f"reports.vague_triggers: triggers must be among {sorted(REPORT_TRIGGERS)}")
        if set(self.spasm) != {"words", "none", "fine"} or len(self.words) != 4:
            raise ValueError("reports.spasm and reports.words must have all their lists")
        for name, values in (*self.severity_words.items(), *self.stress_words.items()):
            if not 0 <= values <= 10:
                raise ValueError(f"reports: {name!r} must be 0-10")
        lists = [*self.spasm.values(), *self.locations.values(), *self.triggers.values()]
        lists += [*self.words.values(), *self.vague_triggers.values(), self.not_a_report, self.activities]
        lists += [self.other_drinks, self.corrections, self.other_days, self.people]
        lists += [self.not_a_report_openers, self.aside_breaks]
        if any(not terms or any(not t.strip() for t in terms) for terms in lists):
            raise ValueError("reports: every word list needs at least one non-empty term")
        return self


def tokens_of(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).translate(QUOTES).lower()
    return TOKEN.findall(GLUED.sub(" ", text))
