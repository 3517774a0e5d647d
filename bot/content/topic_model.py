"""content/topic_model.json: the learned half of finding a question's topic (trained by
`python3 dev.py train-topics` on training/questions/ and the topics' own phrasings), checked at
load: labels known, thresholds sensible, weights finite."""

from __future__ import annotations

import json
import math
from pathlib import Path

from pydantic import model_validator

from bot.content.wording import Strict

NONE = "none"  # the label of questions the topics do not cover


class TopicModel(Strict):
    """Multinomial logistic regression over TF-IDF features (`bot.language.topic_model.features`):
    `features` maps each feature to its idf and its weights, as (label index, weight) pairs with
    the negligible ones left out."""

    corpus_sha256: str  # of the training files and knowledge.toml, so a stale model is noticed
    labels: list[str]
    sure: float  # at or above: the model's topic (or its "none") stands
    rescue: float  # at or above: a question with too many unknown words is still answered
    none_at: float  # at or above for "none": the honest fallback
    blend: float  # below `sure`: weight of the probabilities added to the phrasings' scores
    biases: list[float]
    features: dict[str, tuple[float, list[tuple[int, float]]]]

    @model_validator(mode="after")
    def _sound(self) -> TopicModel:
        if not 0 < self.sure <= self.rescue < 1 or not 0 < self.none_at < 1 or self.blend < 0:
            raise ValueError("thresholds must satisfy 0 < sure <= rescue < 1, 0 < none_at < 1, blend >= 0")
        if len(self.biases) != len(self.labels) or NONE not in self.labels or not self.features:
            raise ValueError("the model needs a bias per label, a 'none' label and features")
        numbers = [
            *self.biases,
            *(x for idf, pairs in self.features.values() for x in (idf, *(w for _, w in pairs))),
        ]
        if not all(math.isfinite(x) for x in numbers):
            raise ValueError("the model has a weight that is not a finite number")
        if any(not 0 <= i < len(self.labels) for _, pairs in self.features.values() for i, _ in pairs):
            raise ValueError("the model has a weight for a label it does not have")
        return self


def load_topic_model(path: Path) -> TopicModel:
    return TopicModel.model_validate(json.loads(path.read_text(encoding="utf-8")))
