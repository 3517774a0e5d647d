"""Red-flag triage of free text: emergency, urgent (see a doctor soon) or none, with reasons."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from rapidfuzz import fuzz, process

Level = Literal["emergency", "urgent", "none"]
ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
)
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
FUZZY_MIN_LENGTH = 5
FUZZY_SCORE = 84
# Someone in particular: a general question that names a person is a report, not a quiz.
PERSONAL = (
    r"\b(i|me|my|mine|myself|he|his|him|she|her|they|their|we|our|us|son|daughter|husband|wife"
    r"|mum|mom|dad|partner|baby|child|kid|grandma|grandpa|friend)\b"
)


def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class Flag(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    now: list[str]
    mention: list[str]


class UrgentSign(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    patterns: list[str]


class Pair(BaseModel):
    """Two ideas within `window` words of each other in one clause, in either order."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    flag: str
    window: int
    first: str
    second: str


class SafetyRules(BaseModel):
    """content/safety.toml, checked at load: every pattern must compile."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    rewrites: list[tuple[str, str]]
    fuzzy_terms: list[str]
    fuzzy_keep: list[str]
    idioms: list[str]
    negations: list[str]
    negation_window: int
    clause_breaks: list[str]
    uncertain: list[str]
    after_negation: str
    history: list[str]
    hypothetical: list[str]
    recent: list[str]
    mention_blockers: list[str]
    question_starts: str
    question_words: list[str]
    flags: list[Flag]
    pairs: list[Pair]
    urgent: list[UrgentSign]
    all_clear: list[str]

    @field_validator(
        "idioms",
        "clause_breaks",
        "uncertain",
        "history",
        "hypothetical",
        "recent",
        "mention_blockers",
        "question_words",
        "all_clear",
    )
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            _regex(pattern)
        return patterns

    @field_validator("flags")
    @classmethod
    def _flag_patterns(cls, flags: list[Flag]) -> list[Flag]:
        for flag in flags:
            for pattern in flag.now + flag.mention:
                _regex(pattern)
        return flags

    @model_validator(mode="after")
    def _pairs_name_flags(self) -> SafetyRules:
        known = {f.id for f in self.flags}
        for pair in self.pairs:
            _regex(pair.first), _regex(pair.second)
            if pair.flag not in known:
                raise ValueError(f"pairs: unknown flag {pair.flag!r}")
        return self


@dataclass(frozen=True)
class Triage:
    """`reasons`: the red flags found for an emergency, or the signs found for "urgent"."""

    level: Level
    reasons: tuple[str, ...] = ()


class Triager:
    """Compiled rules; `triage()` is pure and safe to call on every message."""

    def __init__(self, rules: SafetyRules) -> None:
        self.rules = rules
        self._rewrites = [(_regex(a), b) for a, b in rules.rewrites]
        self._idioms = [_regex(p) for p in rules.idioms]
        self._breaks = _regex("|".join(f"(?:{p})" for p in rules.clause_breaks))
        self._uncertain = [_regex(p) for p in rules.uncertain]
        self._after_negation = _regex(rules.after_negation)
        self._negations = [n.split() for n in rules.negations]
        self._history = [_regex(p) for p in rules.history]
        self._hypothetical = [_regex(p) for p in rules.hypothetical]
        self._personal = _regex(PERSONAL)
        self._recent = [_regex(p) for p in rules.recent]
        self._blockers = [_regex(p) for p in rules.mention_blockers]
        self._question_start = _regex(rules.question_starts)
        self._question_words = [_regex(p) for p in rules.question_words]
        self._flags = [
            (f.id, [_regex(p) for p in f.now], [_regex(p) for p in f.mention]) for f in rules.flags
        ]
        self._pairs: dict[str, list[tuple[re.Pattern[str], re.Pattern[str], int]]] = {}
        for pair in rules.pairs:
            self._pairs.setdefault(pair.flag, []).append(
                (_regex(pair.first), _regex(pair.second), pair.window)
            )
        self._urgent = [(u.id, [_regex(p) for p in u.patterns]) for u in rules.urgent]
        self._all_clear = [_regex(p) for p in rules.all_clear]
        self._keep = set(rules.fuzzy_keep) | set(rules.fuzzy_terms)

    def normalise(self, text: str) -> str:
        text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).translate(QUOTES).lower()
        text = " ".join(self._correct(word) for word in text.split())
        for pattern, replacement in self._rewrites:
            text = pattern.sub(replacement, text)
        for idiom in self._idioms:
            text = idiom.sub(" ", text)
        return f" {text} "

    def _correct(self, word: str) -> str:
        """A misspelt key word ("siezure", "unconcious") becomes the word it was meant to be."""
        core = word.strip(".,;:!?\"'()[]")
        if len(core) < FUZZY_MIN_LENGTH or core in self._keep or not core.isalpha():
            return word
        candidates = [t for t in self.rules.fuzzy_terms if t[0] == core[0]]
        best = process.extractOne(core, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return word.replace(core, best[0]) if best else word

    def triage(self, text: str) -> Triage:
        normal = self.normalise(text)
        clauses = [c for c in self._breaks.split(normal) if c and c.strip()]
        reasons: list[str] = []
        for flag_id, now, mention in self._flags:
            pairs = self._pairs.get(flag_id, [])
            if any(self._reported(clause, now, mention, pairs) for clause in clauses):
                reasons.append(flag_id)
        if reasons:
            return Triage("emergency", tuple(reasons))
        urgent = [
            sign_id
            for sign_id, patterns in self._urgent
            if any(self._affirmed(clause, pattern) for clause in clauses for pattern in patterns)
        ]
        return Triage("urgent", tuple(urgent)) if urgent else Triage("none")

    def is_all_clear(self, text: str) -> bool:
        normal = self.normalise(text)
        return any(p.search(normal) for p in self._all_clear)

    def _reported(
        self,
        clause: str,
        now: list[re.Pattern[str]],
        mention: list[re.Pattern[str]],
        pairs: list[tuple[re.Pattern[str], re.Pattern[str], int]],
    ) -> bool:
        """Does this clause report the flag happening, rather than ask, remember or imagine it?"""
        if self._not_happening(clause):
            return False
        question = self._general_question(clause)
        if not (question and not self._personal.search(clause)) and (
            any(self._affirmed(clause, p) for p in now)
            or any(self._pair_affirmed(clause, *pair) for pair in pairs)
        ):
            return True
        if not any(self._affirmed(clause, p) for p in mention):
            return False
        return not (question or any(b.search(clause) for b in self._blockers))

    def _not_happening(self, clause: str) -> bool:
        """Long past, or imagined, unless the clause also says it is happening now."""
        past_or_imagined = any(h.search(clause) for h in self._history + self._hypothetical)
        return past_or_imagined and not any(r.search(clause) for r in self._recent)

    def _general_question(self, clause: str) -> bool:
        asked = bool(self._question_start.search(clause)) or "?" in clause
        return asked and any(q.search(clause) for q in self._question_words)

    def _pair_affirmed(
        self, clause: str, first: re.Pattern[str], second: re.Pattern[str], window: int
    ) -> bool:
        uncertain = any(u.search(clause) for u in self._uncertain)
        for a in first.finditer(clause):
            for b in second.finditer(clause):
                if a.start() == b.start():
                    continue
                lo, hi = (a, b) if a.start() < b.start() else (b, a)
                if len(clause[lo.end() : hi.start()].split()) > window:
                    continue
                between = clause[lo.end() : hi.start()].split()
                negated = self._negated(clause, lo.start(), hi.end()) or self._has_cue(between)
                if uncertain or not negated:
                    return True
        return False

    def _affirmed(self, clause: str, pattern: re.Pattern[str]) -> bool:
        """Some match of the pattern in this clause is not negated."""
        uncertain = any(u.search(clause) for u in self._uncertain)
        for match in pattern.finditer(clause):
            if uncertain or not self._negated(clause, match.start(), match.end()):
                return True
        return False

    def _negated(self, clause: str, start: int, end: int) -> bool:
        if self._after_negation.search(clause[end:]):
            return True
        return self._has_cue(clause[:start].split()[-self.rules.negation_window :])

    def _has_cue(self, words: list[str]) -> bool:
        for cue in self._negations:
            width = len(cue)
            if any(words[i : i + width] == cue for i in range(len(words) - width + 1)):
                return True
        return False
