"""The learned half of triage: shipped with the bot, trained on the corpus beside it, and only
ever adding emergencies the rules did not name (with its reasons), never hiding a known one."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import load_content
from bot.content.triage_model import MODEL_REASON, TriageModel
from bot.language.emergency import emergency_wording
from bot.language.triage import Triager
from bot.language.triage_model import Scorer, features
from bot.safety import triage
from training.train_triage import corpus_sha256

CONTENT = load_content(DEFAULT_CONTENT_DIR)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_shipped_model_was_trained_on_the_corpus_in_the_repository(language: str) -> None:
    # A corpus or safety.toml changed without `python3 dev.py train-triage [language]` leaves a stale model.
    shipped = load_content(DEFAULT_CONTENT_DIR, language).triage_model
    assert shipped.corpus_sha256 == corpus_sha256(language)


@pytest.mark.parametrize(
    "broken",
    [{"fire": 0.9, "overrule": 0.8}, {"features": {}}, {"bias": math.nan}, {"surprise": 1}],
)
def test_a_broken_model_file_is_refused_at_start_up(broken: dict[str, object]) -> None:
    data = {**CONTENT.triage_model.model_dump(), **broken}
    with pytest.raises(ValueError):
        TriageModel.model_validate(data)


@pytest.mark.parametrize(
    "text",
    [
        "help he went down shaking",
        "my father is fall down and now he not speak, only make sound",
        "his body went stiff like a board and then started shaking",
        "neighbour lying in his garden not moving, I shouted and nothing",
    ],
)
def test_what_only_the_model_recognises_is_an_emergency_with_its_reasons(text: str) -> None:
    rules_alone = Triager(CONTENT.safety).triage(text)
    result = triage(text)
    assert rules_alone.level != "emergency"
    assert result.level == "emergency"
    assert result.reasons and result.evidence  # what decided is said, in words
    wording = emergency_wording(CONTENT.messages.safety, "112", result.reasons)
    assert wording.startswith("Call 112 now.")


def test_a_model_only_emergency_with_no_named_flag_is_worded_plainly() -> None:
    reasons = Triager(CONTENT.safety, CONTENT.triage_model).triage("help he went down shaking").reasons
    assert reasons == (MODEL_REASON,) or set(reasons) <= {f.id for f in CONTENT.safety.flags}
    assert CONTENT.messages.safety.reasons[MODEL_REASON]


@pytest.mark.parametrize("text", ["", "   ", "x" * 5000, "👍", "0", "lol"])
def test_odd_input_never_raises_and_is_not_an_emergency(text: str) -> None:
    assert triage(text).level == "none"


def test_the_fast_probability_is_the_logistic_regression_it_was_trained_as() -> None:
    """Sublinear TF-IDF, L2-normed, dotted with the weights: computed plainly here, on texts with
    repeated words and pieces, misspellings and words the model never saw."""
    model = CONTENT.triage_model
    scorer = Scorer(model)
    texts = [
        "eye eye eye twitch twitch twitching",
        "she fell and is shakin shakin and not answring",
        "zzqx unknownword 123 ok",
        "can't breathe!! lips going blue",
        "",
    ]
    for text in texts:
        counts = Counter(f for f in features(text) if f in model.features)
        values = {f: (1 + math.log(n)) * model.features[f][0] for f, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        logit = model.bias + sum(v * model.features[f][1] for f, v in values.items()) / norm
        assert scorer.probability(text) == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-12)
