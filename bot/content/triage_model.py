"""content/triage_model.json: the learned red-flag model (trained by `python3 dev.py train-triage`
on training/redflags/), checked at load: thresholds in order, weights finite."""

from __future__ import annotations

import json
import math
from pathlib import Path

from pydantic import model_validator

from bot.content.wording import Strict

MODEL_REASON = "signs"  # the model's reason when no rule names the red flag


class TriageModel(Strict):
    """Logistic regression over TF-IDF features (`bot.language.triage_model.features`):
    `features` maps each feature to (idf, weight)."""

    corpus_sha256: str  # of the training files and safety.toml, so a stale model is noticed
    fire: float  # at or above: an emergency the rules did not name
    overrule: float  # at or above: an emergency though the rules read its words as not happening
    bias: float
    features: dict[str, tuple[float, float]]

    @model_validator(mode="after")
    def _sound(self) -> TriageModel:
        if not 0 < self.fire <= self.overrule < 1:
            raise ValueError("thresholds must satisfy 0 < fire <= overrule < 1")
        if not self.features:
            raise ValueError("the model has no features")
        numbers = [self.bias, *(x for pair in self.features.values() for x in pair)]
        if not all(math.isfinite(x) for x in numbers):
            raise ValueError("the model has a weight that is not a finite number")
        return self


def load_triage_model(path: Path) -> TriageModel:
    return TriageModel.model_validate(json.loads(path.read_text(encoding="utf-8")))
