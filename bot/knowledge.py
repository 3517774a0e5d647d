"""Public Q&A: `answer(question)` -> None when nothing fits, else an Answer(topic, text)."""

from __future__ import annotations

from functools import lru_cache

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_content
from bot.language.knowledge import Answer, KnowledgeIndex

__all__ = ["Answer", "answer"]


@lru_cache(maxsize=1)
def _default_index() -> KnowledgeIndex:
    content = load_content(DEFAULT_CONTENT_DIR)
    return KnowledgeIndex(content.knowledge, content.topic_model)


def answer(question: str) -> Answer | None:
    """The best-matching topic's answer as the bot sends it (without the personal line)."""
    return _default_index().answer(question)
