"""The learned half of finding a question's topic: shipped with the bot, trained on the corpus
beside it, read with plain Python exactly as trained, and refused at start-up when broken."""

from __future__ import annotations

import math

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import load_content
from bot.content.topic_model import TopicModel
from bot.language.knowledge import KnowledgeIndex
from bot.language.topic_model import TopicScorer
from training.train_topics import corpus_sha256

CONTENT = load_content(DEFAULT_CONTENT_DIR)


def test_the_shipped_model_was_trained_on_the_corpus_in_the_repository() -> None:
    # A corpus or knowledge.toml changed without `python3 dev.py train-topics` leaves a stale model.
    assert CONTENT.topic_model.corpus_sha256 == corpus_sha256()


@pytest.mark.parametrize(
    "broken",
    [
        {"sure": 0.9, "rescue": 0.8},
        {"features": {}},
        {"biases": [math.nan]},
        {"labels": ["botox"]},
        {"features": {"w:eye": (1.0, [(999, 0.5)])}},
        {"surprise": 1},
    ],
)
def test_a_broken_model_file_is_refused_at_start_up(broken: dict[str, object]) -> None:
    data = {**CONTENT.topic_model.model_dump(), **broken}
    with pytest.raises(ValueError):
        TopicModel.model_validate(data)


def test_probabilities_add_up_and_a_slip_of_the_thumb_reads_as_the_word() -> None:
    scorer = TopicScorer(CONTENT.topic_model)
    typed = scorer.probabilities("how long does botox last")
    assert math.isclose(sum(typed.values()), 1.0)
    assert max(typed, key=lambda k: typed[k]) == "botox"
    assert scorer.words("how long does botoxx lastt") == scorer.words("how long does botox last")


def test_without_the_model_the_phrasings_alone_still_answer() -> None:
    index = KnowledgeIndex(CONTENT.knowledge)
    found = index.answer("why does my eyelid twitch")
    assert found is not None and found.topic == "causes"
