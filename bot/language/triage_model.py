"""The learned half of red-flag triage: a probability that a message reports an emergency now,
with the words that weighed most for it (its reasons). Pure Python over a shipped weight file.

The rules catch what they name and the model catches what they do not (a seizure told by what a
carer saw, broken English); a rule's hit the model is sure is not happening now (a joke, the
past, a question) gets the calm line instead. `features` is shared with the training script."""

from __future__ import annotations

import math
import re
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
        self._features = model.features
        self._known: dict[str, tuple[str, ...]] = {}  # word -> its features the model knows

    def score(self, normal: str) -> tuple[float, tuple[str, ...]]:
        """(probability of an emergency now, the words that pushed it up most)."""
        words = WORD.findall(normal)
        counts: dict[str, int] = {}
        for word in words:
            for feature in self._of_word(word):
                counts[feature] = counts.get(feature, 0) + 1
        for a, b in pairwise(words):
            if (pair := f"b:{a} {b}") in self._features:
                counts[pair] = counts.get(pair, 0) + 1
        weights = self._features
        values = {f: (1 + math.log(n)) * weights[f][0] for f, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        parts = {f: v / norm * weights[f][1] for f, v in values.items()}
        logit = self.model.bias + sum(parts.values())
        probability = 1 / (1 + math.exp(-max(min(logit, 60.0), -60.0)))
        readable = sorted((p, f) for f, p in parts.items() if p > 0 and f[:2] in ("w:", "b:"))
        return probability, tuple(f[2:] for _, f in reversed(readable[-EVIDENCE:]))

    def _of_word(self, word: str) -> tuple[str, ...]:
        """Words repeat (Zipf): each one's pieces are looked up once."""
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= WORDS_KEPT:
                self._known.clear()
            known = self._known[word] = tuple(f for f in _word_features(word) if f in self._features)
        return known
