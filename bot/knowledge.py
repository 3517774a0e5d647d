"""Public Q&A: `answer(question, language)` -> None when nothing fits, else an Answer(topic, text)."""

from __future__ import annotations

from functools import lru_cache

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_content
from bot.content.loader import ENGLISH
from bot.language.knowledge import Answer, KnowledgeIndex

__all__ = ["Answer", "answer"]


@lru_cache(maxsize=4)
def _index(language: str) -> KnowledgeIndex:
    content = load_content(DEFAULT_CONTENT_DIR, language)
    return KnowledgeIndex(content.knowledge, content.topic_model)


def answer(question: str, language: str = ENGLISH) -> Answer | None:
    """The best-matching topic's answer as the bot sends it (without the personal line), from the
    topics in `language` ("en", "es")."""
    return _index(language).answer(question)
