"""The learned half of finding a question's topic: shipped with the bot, trained on the corpus
beside it, read with plain Python exactly as trained, and refused at start-up when broken."""

from __future__ import annotations

import math

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Content
from bot.content.loader import load_content
from bot.content.topic_model import TopicModel
from bot.language.knowledge import KnowledgeIndex
from bot.language.question_words import QuestionWords
from bot.language.topic_model import TopicScorer
from training.train_topics import corpus_sha256

CONTENT = load_content(DEFAULT_CONTENT_DIR)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_shipped_model_was_trained_on_the_corpus_in_the_repository(language: str) -> None:
    # A corpus or knowledge.toml changed without `python3 dev.py train-topics` leaves a stale model.
    shipped = load_content(DEFAULT_CONTENT_DIR, language).topic_model
    assert shipped.corpus_sha256 == corpus_sha256(language)


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
    scorer = TopicScorer(CONTENT.topic_model, QuestionWords.of(CONTENT.knowledge))
    typed = scorer.probabilities("how long does botox last")
    assert math.isclose(sum(typed.values()), 1.0)
    assert max(typed, key=lambda k: typed[k]) == "botox"
    assert scorer.words("how long does botoxx lastt") == scorer.words("how long does botox last")


def test_without_the_model_the_phrasings_alone_still_answer() -> None:
    index = KnowledgeIndex(CONTENT.knowledge)
    found = index.answer("why does my eyelid twitch")
    assert found is not None and found.topic == "causes"


def test_each_language_cuts_questions_into_words_by_its_own_rules(spanish: Content) -> None:
    english, castellano = QuestionWords.of(CONTENT.knowledge), QuestionWords.of(spanish.knowledge)
    assert english.words("Why are my eyelids twitching?") == ["eyelid", "twitch"]
    assert english.words("what causes it") == ["cause"]
    # Accents folded, plurals and gender read as one word, and "cara" (face) is not "caro" (dear).
    assert castellano.words("¿Por qué me tiemblan los párpados?") == castellano.words(
        "por q tiembla el parpado"
    )
    assert castellano.term("espasmos") == castellano.term("espasmo")
    assert castellano.term("cara") != castellano.term("caro")
