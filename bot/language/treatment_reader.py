"""A typed line that tells of a treatment: "had my botox today", "started clonazepam 0.5 mg
yesterday", "upped baclofen to 20mg", "stopped gabapentin on Monday", "had MVD surgery in March".
A question ("will botox help?") is not one; a medicine name nobody listed is kept as typed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.content.reports import ReportWords
from bot.content.treatment_words import TreatmentWords
from bot.domain.vocab import LOCATIONS
from bot.language.report_days import TODAY, Day, DayReader
from bot.language.report_parts import Terms
from bot.language.report_reader import ReportReader
from bot.language.report_words import tokens_of
from bot.language.spelling import TYPO_MIN_LENGTH, corrected

Kind = Literal["injection", "medicine", "dose", "stop", "surgery", "side_effect"]
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
MAX_NAME = 40  # a medicine name as typed, kept whole up to this
TYPO_SCORE = 80  # treatment words are long and unlike everyday words: a looser match


@dataclass(frozen=True)
class TreatmentLine:
    kind: Kind
    day: Day | None  # None: a day was spoken of ("last week", "in March") but not one that can be told
    name: str | None = None
    dose: float | None = None
    unit: str | None = None
    dose_unreadable: bool = False  # a unit came without a number ("half a mg"): saved without a dose
    places: tuple[str, ...] = ()  # where an injection went, when the line says
    sides: tuple[tuple[str, str], ...] = ()  # (place, side) for the places whose side it says
    with_report: bool = False  # an injection line that also tells of spasms, stress, sleep...


class TreatmentReader:
    def __init__(
        self, words: TreatmentWords, report_words: ReportWords, places: ReportReader | None = None
    ) -> None:
        self._words = words
        self._places = places or ReportReader(report_words)  # the check-ins' own places and sides
        self._days = DayReader(report_words)
        keys = ("injection_words", "had_verbs", "surgery_words", "start_verbs", "change_verbs", "stop_verbs")
        self._phrases = {key: [tuple(tokens_of(w)) for w in getattr(words, key)] for key in keys}
        self._medicines = set(words.medicines)
        self._units = set(words.dose_units)
        self._not_a_name = set(words.not_a_name)
        self._questions = set(words.question_starts)
        self._ruled_out = set(words.ruled_out)
        self._effects = {
            effect: [tuple(tokens_of(w)) for w in phrases] for effect, phrases in words.side_effects.items()
        }
        self._spasm = Terms()  # the check-ins' words for spasms, or for none
        for term in [*report_words.spasm["words"], *report_words.spasm["none"]]:
            self._spasm.add(term, "spasm")
        single = {w for key in keys for w in getattr(words, key) if " " not in w}
        self._spellable_list = sorted(w for w in single | self._medicines if len(w) >= TYPO_MIN_LENGTH)
        lists = [*(getattr(words, key) for key in keys), words.medicines, words.not_a_name, words.ruled_out,
                 words.vague_days, words.dose_units, *words.side_effects.values()]  # fmt: skip
        self._spellable = {t for phrases in lists for phrase in phrases for t in tokens_of(phrase)}
        self._vague = set(words.vague_days) | {m for names in report_words.months for m in names}

    def read(self, text: str) -> TreatmentLine | None:
        # Slips of the thumb on the treatment words: "startd", "clonazapam", "baclophen".
        tokens = corrected(tokens_of(text), self._spellable_list, self._spellable, TYPO_SCORE)
        if not tokens or text.rstrip().endswith("?") or tokens[0] in self._questions:
            return None
        if self._days.speaks_of_later(tokens):
            return None  # "I'm going to start ...": a plan, not a treatment had
        day = self._days.day_in(tokens) or (None if self._vague & set(tokens) else TODAY)
        effects = self._side_effects(tokens)
        if effects and self._find(tokens, "injection_words") is not None:
            return TreatmentLine("side_effect", TODAY, ",".join(effects))  # felt now, whenever injected
        dose, unit, unreadable = self._dose(tokens)
        medicine = self._medicine(tokens)
        for kind in ("stop_verbs", "change_verbs", "start_verbs"):
            at = self._find(tokens, kind)
            if at is None:
                continue
            name = medicine or (self._name_after(tokens, at) if kind == "start_verbs" else None)
            if name is None:
                continue
            line_kind: Kind = {"stop_verbs": "stop", "change_verbs": "dose", "start_verbs": "medicine"}[kind]  # type: ignore[assignment]
            return TreatmentLine(line_kind, day, name, dose, unit, unreadable)
        if self._find(tokens, "had_verbs") is not None and not self._ruled_out & set(tokens):
            surgery = self._phrase(tokens, "surgery_words")
            if surgery is not None:
                return TreatmentLine("surgery", day, surgery)
            if self._find(tokens, "injection_words") is not None:
                where = self._places.read(text)
                places = tuple(p for p in LOCATIONS if p in where.locations)
                amounts = (where.severity, where.stress, where.sleep_hours, where.duration_minutes)
                told = any(v is not None for v in amounts) or bool(where.triggers)
                typed = tokens_of(text)
                told = told or any(self._spasm.longest_at(typed, i) for i in range(len(typed)))
                return TreatmentLine(
                    "injection", day, None, dose, unit, unreadable, places, where.sides, told
                )
        return None

    def _side_effects(self, tokens: list[str]) -> list[str]:
        spans = {tuple(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens))}
        return [effect for effect, phrases in self._effects.items() if any(p in spans for p in phrases)]

    def _find(self, tokens: list[str], key: str) -> int | None:
        """Where the first phrase of this list ends in the tokens."""
        for i in range(len(tokens)):
            for phrase in self._phrases[key]:
                if tuple(tokens[i : i + len(phrase)]) == phrase:
                    return i + len(phrase)
        return None

    def _phrase(self, tokens: list[str], key: str) -> str | None:
        """The longest phrase of this list found in the tokens (the first listed of equals)."""
        spans = {tuple(tokens[i : i + len(p)]) for p in self._phrases[key] for i in range(len(tokens))}
        found = [p for p in self._phrases[key] if p in spans]
        longest = max((len(p) for p in found), default=0)
        return next((" ".join(p) for p in found if len(p) == longest), None)

    def _medicine(self, tokens: list[str]) -> str | None:
        return next((t for t in tokens if t in self._medicines), None)

    def _name_after(self, tokens: list[str], at: int) -> str | None:
        """ "started lamotrigine 25mg": the word after the verb, when it is not a number or a
        filler ("started to", "started again")."""
        if at >= len(tokens):
            return None
        word = tokens[at]
        if word in self._not_a_name or NUMBER.fullmatch(word) or word in self._units or len(word) < 3:
            return None
        return word[:MAX_NAME]

    def _dose(self, tokens: list[str]) -> tuple[float | None, str | None, bool]:
        for i, token in enumerate(tokens):
            if token in self._units and i > 0:
                before = tokens[i - 1]
                if NUMBER.fullmatch(before):
                    return float(before.replace(",", ".")), token, False
                return None, token, True
        return None, None, False
