"""The learned half of red-flag triage: a probability that a message reports an emergency now,
with the words that weighed most for it (its reasons). Pure Python over a shipped weight file.

The rules catch what they name and the model catches what they do not (a seizure told by what a
carer saw, broken English); a rule's hit the model is sure is not happening now (a joke, the
past, a question) gets the calm line instead. `features` is shared with the training script."""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import pairwise

from bot.content.triage_model import TriageModel

WORD = re.compile(r"[a-z0-9']+")
EVIDENCE = 3  # words or pairs of words returned as reasons
WORDS_KEPT = 50_000  # words whose known features are remembered


def features(normal: str) -> list[str]:
    """Words, pairs of words, and 2-5 letter pieces of each word (misspellings share pieces)."""
    words = WORD.findall(normal)
    found = [f"b:{a} {b}" for a, b in pairwise(words)]
    for word in words:
        found.extend(_word_features(word))
    return found


def _word_features(word: str) -> list[str]:
    padded = f" {word} "
    pieces = [padded[i : i + size] for size in (2, 3, 4, 5) for i in range(len(padded) - size + 1)]
    return [f"w:{word}", *pieces]


class Scorer:
    def __init__(self, model: TriageModel) -> None:
        self.model = model
        self._idf = {f: idf for f, (idf, _) in model.features.items()}
        self._weight = {f: weight for f, (_, weight) in model.features.items()}
        # The logit is sum(tf*idf*weight) / sqrt(sum((tf*idf)^2)): both sums per feature, ready.
        self._lean = {f: idf * weight for f, (idf, weight) in model.features.items()}
        self._square = {f: idf * idf for f, (idf, _) in model.features.items()}
        self._known: dict[str, tuple[tuple[str, ...], float, float]] = {}  # word -> its known features

    def probability(self, normal: str) -> float:
        """How likely the message reports an emergency now: `_parts` summed, without building it
        (this runs on every message at intake)."""
        words = WORD.findall(normal)
        lean, square = self._lean, self._square
        found: list[str] = []
        total = squares = 0.0
        for word in words:
            features, word_lean, word_square = self._of_word(word)
            found += features
            total += word_lean
            squares += word_square
        for a, b in pairwise(words):
            if (pair := f"b:{a} {b}") in lean:
                found.append(pair)
                total += lean[pair]
                squares += square[pair]
        counts = Counter(found)
        if len(counts) < len(found):  # a feature seen n times weighs 1 + ln n, not n
            for feature, n in counts.items():
                if n > 1:
                    tf = 1 + math.log(n)
                    total += (tf - n) * lean[feature]
                    squares += (tf * tf - n) * square[feature]
        logit = self.model.bias + (total / math.sqrt(squares) if squares > 0 else 0.0)
        return 1 / (1 + math.exp(-max(min(logit, 60.0), -60.0)))

    def evidence(self, normal: str) -> tuple[str, ...]:
        """The words (or pairs of words) that pushed the probability up most."""
        parts = self._parts(normal)
        readable = sorted((p, f) for f, p in parts.items() if p > 0 and f[:2] in ("w:", "b:"))
        return tuple(f[2:] for _, f in reversed(readable[-EVIDENCE:]))

    def score(self, normal: str) -> tuple[float, tuple[str, ...]]:
        return self.probability(normal), self.evidence(normal)

    def _parts(self, normal: str) -> dict[str, float]:
        """Each known feature's share of the logit: TF-IDF (sublinear, L2-normed) times its weight."""
        words = WORD.findall(normal)
        counts: dict[str, int] = {}
        for word in words:
            for feature in self._of_word(word)[0]:
                counts[feature] = counts.get(feature, 0) + 1
        idf = self._idf
        for a, b in pairwise(words):
            if (pair := f"b:{a} {b}") in idf:
                counts[pair] = counts.get(pair, 0) + 1
        values = {f: idf[f] if n == 1 else (1 + math.log(n)) * idf[f] for f, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        weight = self._weight
        return {f: v * weight[f] / norm for f, v in values.items()}

    def _of_word(self, word: str) -> tuple[tuple[str, ...], float, float]:
        """Words repeat (Zipf): each one's known pieces, and their sums, are looked up once."""
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= WORDS_KEPT:
                self._known.clear()
            features = tuple(f for f in _word_features(word) if f in self._idf)
            lean = sum(self._lean[f] for f in features)
            square = sum(self._square[f] for f in features)
            known = self._known[word] = (features, lean, square)
        return known
