"""content/<language>/reports.toml: the words the free-text reader knows, checked at load."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from bot.content.report_grammar import Grammar
from bot.domain.vocab import LOCATIONS, REPORT_TRIGGERS

Anchor = Literal["sleep", "stress_scale", "severity_scale", "scale_out_of"]
Side = Literal["left", "right", "both"]


class ReportWords(BaseModel):
    """content/<language>/reports.toml: every list non-empty, every place and trigger worded."""

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
    changed_mind: list[str] = []  # with `corrections`, only for a 0-10 answer changed on its own
    could_answer: list[str] = []  # cues that alone could answer an hours or minutes question
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
    sides: dict[Side, list[str]]
    side_glue: list[str]
    paired: list[str]
    day_words: list[str]
    weekdays: list[list[str]]
    months: list[list[str]]
    day_last: list[str]
    day_next: list[str]
    ordinal_ends: list[str]
    days_ago: list[str]
    days_ahead: list[str]
    days_before: list[str]
    future_markers: list[str]
    other_side: list[str]
    greetings: list[str]
    thanks: list[str]
    small_talk_filler: list[str]
    button_yes: list[str]
    button_save: list[str]
    button_no: list[str]
    button_skip: list[str]
    button_cancel: list[str]
    grammar: Grammar

    @model_validator(mode="after")
    def _complete(self) -> ReportWords:
        if set(self.locations) != set(LOCATIONS):
            raise ValueError(f"reports.locations must list exactly {sorted(LOCATIONS)}")
        if set(self.triggers) != set(REPORT_TRIGGERS):
            raise ValueError(f"reports.triggers must list exactly {sorted(REPORT_TRIGGERS)}")
        if not set(self.vague_triggers) <= set(REPORT_TRIGGERS):
            raise ValueError(f"reports.vague_triggers: triggers must be among {sorted(REPORT_TRIGGERS)}")
        if len(self.weekdays) != 7 or len(self.months) != 12:
            raise ValueError("reports: weekdays must list 7 days (Monday first) and months 12")
        for word in self.day_words:
            term, _, back = word.rpartition(":")
            if not term.strip() or not (back == "future" or back.isdigit()):
                raise ValueError(f"reports.day_words: {word!r} must be 'words:days back' or 'words:future'")
        if set(self.sides) != {"left", "right", "both"}:
            raise ValueError("reports.sides must list left, right and both")
        if set(self.spasm) != {"words", "none", "fine"} or len(self.words) != 4:
            raise ValueError("reports.spasm and reports.words must have all their lists")
        for name, values in (*self.severity_words.items(), *self.stress_words.items()):
            if not 0 <= values <= 10:
                raise ValueError(f"reports: {name!r} must be 0-10")
        lists = [*self.spasm.values(), *self.locations.values(), *self.triggers.values()]
        lists += [*self.words.values(), *self.vague_triggers.values(), self.not_a_report, self.activities]
        lists += [
            self.other_drinks,
            self.corrections,
            self.changed_mind,
            self.could_answer,
            self.other_days,
            self.people,
        ]
        lists += [self.not_a_report_openers, self.aside_breaks, *self.sides.values(), self.paired]
        lists += [*self.weekdays, *self.months, self.day_last, self.day_next, self.ordinal_ends]
        lists += [self.days_ago, self.days_ahead, self.days_before, self.future_markers, self.other_side]
        lists += [
            self.greetings,
            self.thanks,
            self.button_yes,
            self.button_no,
            self.button_skip,
            self.button_cancel,
            self.button_save,
        ]
        if any(not terms or any(not t.strip() for t in terms) for terms in lists):
            raise ValueError("reports: every word list needs at least one non-empty term")
        return self
