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
WORD = re.compile(r"[a-z']+")
WORDS_KEPT = 50_000  # words whose correction is remembered (words repeat: Zipf)


def fold_accents(text: str) -> str:
    """ "convulsión" -> "convulsion", "niño" -> "nino": patterns written without accents read both."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Rewrites:
    """Patterns and their replacements, applied in order; a pattern none of whose openings is in
    the text is skipped (exactly: it could not match)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = [(re.compile(a), b) for a, b in pairs]
        self._gates = Gates()
        for number, (pattern, _) in enumerate(pairs):
            self._gates.add(number, Gate([pattern]))
        self._every: set[object] = set(range(len(pairs)))

    def apply(self, text: str) -> tuple[str, Pieces | None, bool]:
        """The text rewritten, its pieces (None for a long text) and whether anything changed."""
        if not self._pairs:
            return text, None, False
        pieces = Pieces(f" {text} ") if len(text) <= GATED_UP_TO else None
        todo = self._gates.passing(pieces, self._every)
        changed_any = False
        for number, (pattern, replacement) in enumerate(self._pairs):
            if number in todo and (changed := pattern.sub(replacement, text)) != text:
                text, changed_any = changed, True
                if pieces is not None:  # the padded text's pieces: no rewrite is skipped wrongly
                    pieces = Pieces(f" {text} ")
                    todo = self._gates.passing(pieces, self._every)
        return text, pieces, changed_any


class Normaliser:
    def __init__(self, rules: SafetyRules) -> None:
        self.rules = rules
        self._rewrites = Rewrites([*rules.rewrites, *((p, " ") for p in rules.idioms)])
        # Written as people spell them, read with accents folded on both sides.
        self._glossary = Rewrites([(fold_accents(a), b) for a, b in rules.glossary])
        self._own_words = frozenset(rules.function_words)
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
        # Before spelling correction, which would take a foreign word for a misspelt key word.
        if self._foreign(text):
            glossed, _, changed = self._glossary.apply(text if text.isascii() else fold_accents(text))
            text = glossed if changed else text
        corrected = self._corrected
        if len(corrected) >= WORDS_KEPT:
            corrected.clear()
        text = " ".join([corrected.get(w) or corrected.setdefault(w, self._correct(w)) for w in text.split()])
        text, pieces, _ = self._rewrites.apply(text)
        return f" {text} ", pieces

    def _foreign(self, text: str) -> bool:
        """Worth glossing: letters beyond plain ASCII, or none of this language's small words."""
        if not self.rules.glossary:
            return False
        return not text.isascii() or not self._own_words.intersection(WORD.findall(text))

    def _correct(self, word: str) -> str:
        """A misspelt key word ("siezure", "unconcious") becomes the word it was meant to be."""
        core = word.strip(".,;:!?\"'()[]")
        if len(core) < FUZZY_MIN_LENGTH or core in self._keep or not core.isalpha():
            return word
        candidates = [t for t in self.rules.fuzzy_terms if t[0] == core[0]]
        best = process.extractOne(core, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return word.replace(core, best[0]) if best else word
