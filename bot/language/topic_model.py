"""The learned half of finding a question's topic: a probability for each topic (and for "none of
them") from the question's words and pairs of words, with slips of the thumb corrected against
the model's own words. Pure Python over a shipped weight file; `features` and the language's
`QuestionWords` are shared with the training script, so both read a question the same way."""

from __future__ import annotations

import math
from itertools import pairwise

from bot.content.topic_model import TopicModel
from bot.language.question_words import QuestionWords
from bot.language.spelling import corrected


def features(words: list[str]) -> list[str]:
    return [*(f"w:{w}" for w in words), *(f"b:{a} {b}" for a, b in pairwise(words))]


class TopicScorer:
    def __init__(self, model: TopicModel, text: QuestionWords) -> None:
        self.model = model
        self.text = text
        self._vocabulary = sorted(f[2:] for f in model.features if f.startswith("w:"))
        self._known = set(self._vocabulary)

    def words(self, text: str) -> list[str]:
        """The question's words, a misspelt one replaced by the model's word it is closest to."""
        return corrected(self.text.every_word(text), self._vocabulary, self._known)

    def probabilities(self, text: str, *, corrected: bool = True) -> dict[str, float]:
        """Each label's probability; `corrected=False` reads the words as typed (as in training)."""
        counts: dict[str, int] = {}
        for feature in features(self.words(text) if corrected else self.text.every_word(text)):
            if feature in self.model.features:
                counts[feature] = counts.get(feature, 0) + 1
        # TF-IDF as scikit-learn computes it: sublinear counts times idf, then unit length.
        values = {f: (1 + math.log(n)) * self.model.features[f][0] for f, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        logits = list(self.model.biases)
        for feature, value in values.items():
            for index, weight in self.model.features[feature][1]:
                logits[index] += value / norm * weight
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.model.labels, exps, strict=True)}
