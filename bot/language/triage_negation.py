"""Negation in red-flag triage: is a phrase negated ("no seizure", "not slurring")? And the
message as the learned model should judge it, with the red flags it denies taken out: to the
model, the few words of a short denial ("I didn't pass out") are all red-flag words."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import islice

from bot.content.safety import SafetyRules
from bot.language.triage_parts import any_of

WORD = re.compile(r"\S+")
LETTERS = re.compile(r"[^\W_]+")
MAX_MATCHES = 200  # per pattern and clause: one message's triage stays fast whatever it holds


class Negation:
    def __init__(self, rules: SafetyRules, uncertain: list[re.Pattern[str]]) -> None:
        self._cues = [cue.split() for cue in rules.negations]
        self._cue_words = frozenset(cue[0] for cue in self._cues if len(cue) == 1)
        self._long_cues = [cue for cue in self._cues if len(cue) > 1]
        self._empty = self._cue_words | frozenset(rules.function_words) | frozenset(rules.filler_words)
        self._window = rules.negation_window
        self._after = re.compile(rules.after_negation)
        self._uncertain = uncertain
        self._breaks = any_of(rules.clause_breaks)
        self._deniable = any_of(rules.deniable)

    def has_cue(self, words: list[str]) -> bool:
        return self._last_cue(words) is not None

    def negated(self, clause: str, start: int, end: int) -> bool:
        """A negation just after the phrase ("seizures: none") or a few words before it."""
        if self._after.search(clause[end:]):
            return True
        return self.has_cue(clause[:start].split()[-self._window :])

    def says_nothing(self, evidence: Iterable[str], denied: bool) -> bool:
        """The model's evidence is nothing but "no" or "not" (or, once a denial is out, small
        words: "no difficulty breathing, just a cold" leaves "just" and "and")."""
        small = self._empty if denied else self._cue_words
        return all(w in small for phrase in evidence for w in phrase.split())

    def nothing_left(self, judged: str) -> bool:
        """Once the denials are out, only small words are left ("I never lost consciousness")."""
        return all(w in self._empty for w in LETTERS.findall(judged))

    def deniable_in(self, normal: str) -> bool:
        return self._deniable.search(normal) is not None

    def undenied(self, normal: str, named: dict[str, re.Pattern[str]]) -> tuple[str, tuple[str, ...]]:
        """The text with its denials taken out ("no seizure", "no drooping"), as the model judges
        it, and the red flags it still names."""
        judged = self._without_denials(normal, [*named.values(), self._deniable])
        return judged, tuple(flag for flag, pattern in named.items() if pattern.search(judged))

    def _without_denials(self, normal: str, flags: list[re.Pattern[str]]) -> str:
        """The text with each denied red flag blanked, from its negation to its last word; a clause
        that is unsure ("not sure if he passed out") denies nothing."""
        breaks = self._breaks
        spans: list[tuple[int, int]] = []
        start = 0
        unsure = any(u.search(normal) for u in self._uncertain)
        for end in [*breaks.finditer(normal), None]:
            stop = end.start() if end else len(normal)
            clause = normal[start:stop]
            if not (unsure and any(u.search(clause) for u in self._uncertain)):
                spans += [(start + a, start + b) for a, b in self._denied(clause, flags)]
            start = end.end() if end else stop
        kept, at = [], 0
        for a, b in sorted(spans):
            if a >= at:
                kept.append(normal[at:a])
            at = max(at, b)
        return " ".join([*kept, normal[at:]])

    def _denied(self, clause: str, flags: list[re.Pattern[str]]) -> list[tuple[int, int]]:
        matches = [m for pattern in flags for m in islice(pattern.finditer(clause), MAX_MATCHES)]
        # "not breathing" says the bad thing itself, and its "not" denies nothing after it.
        said = [(m.start(), m.end()) for m in matches if self.has_cue(m.group(0).split())]
        words = list(WORD.finditer(clause))
        starts = [w.start() for w in words]
        found = []
        for match in matches:
            if any(a <= match.start() < b for a, b in said):
                continue
            first = bisect_left(starts, match.start())
            before = words[max(0, first - self._window) : first]
            texts = ["" if any(a <= w.start() < b for a, b in said) else w.group(0) for w in before]
            at = self._last_cue(texts)
            if at is not None:
                found.append((before[at].start(), match.end()))
        return found

    def _last_cue(self, words: list[str]) -> int | None:
        """Where the last negation among these words begins."""
        for i in range(len(words) - 1, -1, -1):
            if words[i] in self._cue_words or any(words[i : i + len(c)] == c for c in self._long_cues):
                return i
        return None
