"""content/<language>/knowledge.toml: topics, their sources and the words that find them, checked at load."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, model_validator

from bot.domain.vocab import TRIGGERS

INJECTION_CYCLES = "injection_cycles"  # a topic whose personal line is the person's own cycles


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    title: str
    sources: list[str]
    related: list[str]
    answer: str
    asks: list[str]
    keywords: str = ""  # everyday words for this topic, e.g. "coffee tea chai espresso"
    personal: str | None = None
    # An overview whose answer names other topics' subjects (sleep, coffee, stress) is found by
    # its phrasings and keywords only, or it would draw their questions away.
    index_answer: bool = True


class KnowledgeBook(BaseModel):
    """content/<language>/knowledge.toml, checked at load."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    menu_title: str
    back: str
    not_covered: str
    source_line: str
    personal_line: str
    personal_cycles: str = ""  # {count} finished cycles, relief from day {onset}, back in week {week}
    min_score: float
    topic_weight: float
    min_coverage: float
    domain_words: list[str]
    uncovered: list[str]
    uncovered_patterns: list[str] = []  # phrasings of an uncovered subject, e.g. a price
    # Uncovered words that take only their own part of a question with them: the rest is answered,
    # after `aside_line` ({words}) says what was left out.
    asides: dict[str, list[str]] = {}  # subject as `aside_line` names it -> its words
    aside_line: str = ""
    face_words: list[str]
    other_body: list[str]
    not_body: list[str] = []
    filler: list[str] = []  # phrases that say nothing about the topic ("in simple words"), as regexes
    question_starts: str
    # How questions are cut into words (bot/language/question_words.py): the small words that say
    # nothing about a topic, and ending rules, the first that fits a long enough word applied.
    stopwords: str
    stems: list[tuple[str, str, int]]
    sources: dict[str, str]
    topics: list[Topic]

    @model_validator(mode="after")
    def _consistent(self) -> KnowledgeBook:
        if self.asides and "{words}" not in self.aside_line:
            raise ValueError("knowledge: aside_line must name the {words} set aside")
        ids = [t.id for t in self.topics]
        if len(ids) != len(set(ids)):
            raise ValueError("knowledge: duplicate topic ids")
        for topic in self.topics:
            if not topic.sources or not set(topic.sources) <= set(self.sources):
                raise ValueError(f"knowledge {topic.id}: sources must be among {sorted(self.sources)}")
            if not set(topic.related) <= set(ids):
                raise ValueError(f"knowledge {topic.id}: unknown related topic")
            if topic.personal is not None and topic.personal not in (*TRIGGERS, INJECTION_CYCLES):
                raise ValueError(f"knowledge {topic.id}: personal must be a trigger id or {INJECTION_CYCLES}")
            if len(topic.id) > 20 or not re.fullmatch(r"[a-z_]+", topic.id):
                raise ValueError(f"knowledge {topic.id}: ids are short lower-case words")
        re.compile(self.question_starts)
        if any(
            not re.fullmatch(r"[a-z]+", ending) or not re.fullmatch(r"[a-z]*", new)
            for ending, new, _ in self.stems
        ):
            raise ValueError("knowledge stems: endings and replacements are plain lower-case letters")
        return self

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)
