"""Red-flag triage of free text: emergency, urgent (see a doctor soon) or none, with reasons."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from bot.content.safety import SafetyRules

Level = Literal["emergency", "urgent", "none"]
ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
)
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
FUZZY_MIN_LENGTH = 5
FUZZY_SCORE = 84
# Bounds that keep one message's triage fast whatever it contains.
MAX_MATCHES = 200
MAX_SPAN = 8
# Someone in particular: a general question that names a person is a report, not a quiz.
PERSONAL = (
    r"\b(i|me|my|mine|myself|he|his|him|she|her|they|their|we|our|us|son|daughter|husband|wife"
    r"|mum|mom|dad|partner|baby|child|kid|grandma|grandpa|friend)\b"
)


class _Clause(str):
    """Clause text, and what every check of it needs (set once by Triager._clause)."""

    uncertain: bool
    not_happening: bool
    question: bool
    personal: bool


@dataclass(frozen=True)
class _CompiledPair:
    first: re.Pattern[str]
    second: re.Pattern[str]
    window: int
    ordered: bool
    unless: re.Pattern[str] | None


@dataclass(frozen=True)
class Triage:
    """`reasons`: the red flags found for an emergency, or the signs found for "urgent"."""

    level: Level
    reasons: tuple[str, ...] = ()


class Triager:
    """Compiled rules; `triage()` is pure and safe to call on every message."""

    def __init__(self, rules: SafetyRules) -> None:
        self.rules = rules
        self._rewrites = [(re.compile(a), b) for a, b in rules.rewrites]
        self._idioms = [re.compile(p) for p in rules.idioms]
        self._breaks = re.compile("|".join(f"(?:{p})" for p in rules.clause_breaks))
        self._uncertain = [re.compile(p) for p in rules.uncertain]
        self._after_negation = re.compile(rules.after_negation)
        self._negations = [n.split() for n in rules.negations]
        self._history = [re.compile(p) for p in rules.history]
        self._hypothetical = [re.compile(p) for p in rules.hypothetical]
        self._personal = re.compile(PERSONAL)
        self._recent = [re.compile(p) for p in rules.recent]
        self._blockers = [re.compile(p) for p in rules.mention_blockers]
        self._question_start = re.compile(rules.question_starts)
        self._question_words = [re.compile(p) for p in rules.question_words]
        self._flags = [
            (f.id, [re.compile(p) for p in f.now], [re.compile(p) for p in f.mention]) for f in rules.flags
        ]
        self._pairs: dict[str, list[_CompiledPair]] = {}
        for pair in rules.pairs:
            compiled = _CompiledPair(
                re.compile(pair.first), re.compile(pair.second), pair.window, pair.ordered,
                re.compile(pair.unless) if pair.unless else None,
            )  # fmt: skip
            self._pairs.setdefault(pair.flag, []).append(compiled)
        self._urgent = [(u.id, [re.compile(p) for p in u.patterns]) for u in rules.urgent]
        # Per flag and sign, one regex of all its phrases: a flag none of whose phrases (nor both
        # halves of one of its pairs) appear anywhere in the text is not looked at clause by clause.
        self._flag_any = {f.id: _any_of(f.now + f.mention) for f in rules.flags}
        self._sign_any = {u.id: _any_of(u.patterns) for u in rules.urgent}
        # Any pattern that could start a red flag, in one regex: most messages match none of them.
        openers = [p for f in rules.flags for p in f.now + f.mention] + [q.first for q in rules.pairs]
        openers += [q.second for q in rules.pairs]
        self._any_flag = re.compile("|".join(f"(?:{p})" for p in openers))
        self._all_clear = [re.compile(p) for p in rules.all_clear]
        self._keep = set(rules.fuzzy_keep) | set(rules.fuzzy_terms)
        # The last text normalised: screening reads each message twice (triage, then all-clear).
        self._last = ("", self._normalise(""))

    def normalise(self, text: str) -> str:
        if text == self._last[0]:
            return self._last[1]
        self._last = (text, self._normalise(text))
        return self._last[1]

    def _normalise(self, text: str) -> str:
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
        clauses = [self._clause(c) for c in self._breaks.split(normal) if c and c.strip()]
        reasons: list[str] = []
        flags = self._flags if self._any_flag.search(normal) else []  # most messages: nothing to look at
        for flag_id, now, mention in flags:
            pairs = self._pairs.get(flag_id, [])
            if not self._may_say(normal, flag_id, pairs):
                continue
            if any(self._reported(clause, now, mention, pairs) for clause in clauses):
                reasons.append(flag_id)
        if reasons:
            return Triage("emergency", tuple(reasons))
        urgent = [
            sign_id
            for sign_id, patterns in self._urgent
            if self._sign_any[sign_id].search(normal)
            and any(self._affirmed(clause, pattern) for clause in clauses for pattern in patterns)
        ]
        return Triage("urgent", tuple(urgent)) if urgent else Triage("none")

    def mentions(self, text: str) -> tuple[str, ...]:
        """Red flags a message names without reporting them happening (a question, a worry, the
        past): they get a calm "if that happens" line, never the emergency reply."""
        normal = self.normalise(text)
        if not self._any_flag.search(normal):
            return ()
        return tuple(flag_id for flag_id, _, _ in self._flags if self._flag_any[flag_id].search(normal))

    def _may_say(self, normal: str, flag_id: str, pairs: list[_CompiledPair]) -> bool:
        """Some phrase of the flag, or both halves of one of its pairs, appear in the text."""
        if self._flag_any[flag_id].search(normal):
            return True
        return any(pair.first.search(normal) and pair.second.search(normal) for pair in pairs)

    def is_all_clear(self, text: str) -> bool:
        normal = self.normalise(text)
        return any(p.search(normal) for p in self._all_clear)

    def _clause(self, text: str) -> _Clause:
        """A clause with the facts every pattern check needs, worked out once."""
        clause = _Clause(text)
        clause.uncertain = any(u.search(text) for u in self._uncertain)
        past_or_imagined = any(h.search(text) for h in self._history + self._hypothetical)
        clause.not_happening = past_or_imagined and not any(r.search(text) for r in self._recent)
        asked = bool(self._question_start.search(text)) or "?" in text
        clause.question = asked and any(q.search(text) for q in self._question_words)
        clause.personal = bool(self._personal.search(text))
        return clause

    def _reported(
        self,
        clause: _Clause,
        now: list[re.Pattern[str]],
        mention: list[re.Pattern[str]],
        pairs: list[_CompiledPair],
    ) -> bool:
        """Does this clause report the flag happening, rather than ask, remember or imagine it?"""
        if clause.not_happening:
            return False
        question = clause.question
        if not (question and not clause.personal) and (
            any(self._affirmed(clause, p) for p in now)
            or any(self._pair_affirmed(clause, pair) for pair in pairs)
        ):
            return True
        if not any(self._affirmed(clause, p) for p in mention):
            return False
        return not (question or any(b.search(clause) for b in self._blockers))

    def _pair_affirmed(self, clause: _Clause, pair: _CompiledPair) -> bool:
        if pair.unless is not None and self._affirmed(clause, pair.unless):
            return False
        starts = [m.start() for m in re.finditer(r"\S+", clause)]

        def span(m: re.Match[str]) -> tuple[int, int, re.Match[str]]:
            """First and last word index of a match."""
            return bisect_right(starts, m.start()) - 1, bisect_right(starts, m.end() - 1) - 1, m

        firsts = [span(m) for m in pair.first.finditer(clause)][:MAX_MATCHES]
        seconds = sorted((span(m) for m in pair.second.finditer(clause)), key=lambda t: t[0])[:MAX_MATCHES]
        second_starts = [b[0] for b in seconds]
        uncertain = clause.uncertain
        for a_first, a_last, a in firsts:
            # Only seconds starting near this first are looked at, so long texts stay fast.
            lo = 0 if pair.ordered else bisect_right(second_starts, a_first - pair.window - MAX_SPAN - 1)
            for b_first, b_last, b in seconds[lo:]:
                if b_first > a_last + pair.window + 1:
                    break
                after = b_first > a_last
                gap = b_first - a_last - 1 if after else a_first - b_last - 1
                if (pair.ordered and not after) or gap < 0 or gap > pair.window:
                    continue
                start, end = (a.start(), b.end()) if after else (b.start(), a.end())
                between = clause[a.end() : b.start()] if after else clause[b.end() : a.start()]
                negated = self._negated(clause, start, end) or self._has_cue(between.split())
                if uncertain or not negated:
                    return True
        return False

    def _affirmed(self, clause: _Clause, pattern: re.Pattern[str]) -> bool:
        """Some match of the pattern in this clause is not negated."""
        uncertain = clause.uncertain
        for match in pattern.finditer(clause):
            # "not breathing" says the bad thing itself: an earlier "no" does not undo it.
            negative = self._has_cue(match.group(0).split())
            if uncertain or negative or not self._negated(clause, match.start(), match.end()):
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


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")
