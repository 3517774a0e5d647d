"""Messages in one form before red-flag patterns read them: Unicode and quotes folded, lower case,
misspelt key words corrected, contractions and spellings rewritten, harmless idioms blanked."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from bot.content.safety import SafetyRules
from bot.language.glossary import Glossary
from bot.language.prefilter import Pieces
from bot.language.rewrites import Rewrites, fold_accents

ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
)
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
FUZZY_MIN_LENGTH = 5
FUZZY_SCORE = 84
WORDS_KEPT = 50_000  # words whose correction is remembered (words repeat: Zipf)


class Normaliser:
    def __init__(self, rules: SafetyRules, rivals: Sequence[frozenset[str]] = ()) -> None:
        """`rivals`: the small words of each other language that has rules of its own."""
        self.rules = rules
        self._rewrites = Rewrites([*rules.rewrites, *((p, " ") for p in rules.idioms)])
        self._glossary = Glossary(rules.glossary, frozenset(rules.function_words), rivals)
        self._keep = set(rules.fuzzy_keep) | set(rules.fuzzy_terms)
        self._corrected: dict[str, str] = {}
        # The last text normalised: screening reads each message twice (triage, then all-clear).
        self._last = ("", *self._normalise(""))

    def pieces(self, text: str) -> tuple[str, Pieces | None]:
        """The normal form and its pieces (None for a long text: every pattern is tried)."""
        if text != self._last[0]:
            self._last = (text, *self._normalise(text))
        return self._last[1], self._last[2]

    def glossed_in(self, text: str) -> int:
        """0 when the text was not glossed, else how clearly it was in the glossed language."""
        self.pieces(text)
        return self._last[3]

    def _normalise(self, text: str) -> tuple[str, Pieces | None, int]:
        text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).translate(QUOTES).lower()
        if self.rules.fold_accents:  # "convulsión", "convulsion" and "convulsiön" read alike
            text = fold_accents(text)
        # Before spelling correction, which would take a foreign word for a misspelt key word.
        text, glossed = self._glossary.read(text)
        corrected = self._corrected
        if len(corrected) >= WORDS_KEPT:
            corrected.clear()
        text = " ".join([corrected.get(w) or corrected.setdefault(w, self._correct(w)) for w in text.split()])
        text, pieces, _ = self._rewrites.apply(text)
        return f" {text} ", pieces, glossed

    def _correct(self, word: str) -> str:
        """A misspelt key word ("siezure", "unconcious") becomes the word it was meant to be."""
        core = word.strip(".,;:!?\"'()[]")
        if len(core) < FUZZY_MIN_LENGTH or core in self._keep or not core.isalpha():
            return word
        candidates = [t for t in self.rules.fuzzy_terms if t[0] == core[0]]
        best = process.extractOne(core, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return word.replace(core, best[0]) if best else word
