"""Messages in one form before red-flag patterns read them: Unicode and quotes folded, lower case,
misspelt key words corrected, contractions and spellings rewritten, harmless idioms blanked."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

from bot.content.safety import SafetyRules
from bot.language.prefilter import Gate, Gates, Pieces

ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
)
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
FUZZY_MIN_LENGTH = 5
FUZZY_SCORE = 84
GATED_UP_TO = 600  # characters; a longer text's rewrites are all tried (its pieces cost more)
WORDS_KEPT = 50_000  # words whose correction is remembered (words repeat: Zipf)


def fold_accents(text: str) -> str:
    """ "convulsión" -> "convulsion", "niño" -> "nino": patterns written without accents read both."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Normaliser:
    def __init__(self, rules: SafetyRules) -> None:
        self.rules = rules
        rewrites = [*rules.rewrites, *((p, " ") for p in rules.idioms)]
        self._rewrites = [(re.compile(a), b) for a, b in rewrites]
        self._rewrite_gates = Gates()
        for number, (pattern, _) in enumerate(rewrites):
            self._rewrite_gates.add(number, Gate([pattern]))
        self._every_rewrite: set[object] = set(range(len(rewrites)))
        self._keep = set(rules.fuzzy_keep) | set(rules.fuzzy_terms)
        self._corrected: dict[str, str] = {}
        # The last text normalised: screening reads each message twice (triage, then all-clear).
        self._last = ("", *self._normalise(""))

    def pieces(self, text: str) -> tuple[str, Pieces | None]:
        """The normal form and its pieces (None for a long text: every pattern is tried)."""
        if text != self._last[0]:
            self._last = (text, *self._normalise(text))
        return self._last[1], self._last[2]

    def _normalise(self, text: str) -> tuple[str, Pieces | None]:
        text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).translate(QUOTES).lower()
        if self.rules.fold_accents:  # "convulsión", "convulsion" and "convulsiön" read alike
            text = fold_accents(text)
        corrected = self._corrected
        if len(corrected) >= WORDS_KEPT:
            corrected.clear()
        text = " ".join([corrected.get(w) or corrected.setdefault(w, self._correct(w)) for w in text.split()])
        # Pieces of the padded text: a superset of the bare text's, so no rewrite is skipped wrongly.
        pieces = Pieces(f" {text} ") if len(text) <= GATED_UP_TO else None
        todo = self._rewrite_gates.passing(pieces, self._every_rewrite)
        for number, (pattern, replacement) in enumerate(self._rewrites):
            if number in todo and (changed := pattern.sub(replacement, text)) != text:
                text = changed
                if pieces is not None:
                    pieces = Pieces(f" {text} ")
                    todo = self._rewrite_gates.passing(pieces, self._every_rewrite)
        return f" {text} ", pieces

    def _correct(self, word: str) -> str:
        """A misspelt key word ("siezure", "unconcious") becomes the word it was meant to be."""
        core = word.strip(".,;:!?\"'()[]")
        if len(core) < FUZZY_MIN_LENGTH or core in self._keep or not core.isalpha():
            return word
        candidates = [t for t in self.rules.fuzzy_terms if t[0] == core[0]]
        best = process.extractOne(core, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return word.replace(core, best[0]) if best else word
