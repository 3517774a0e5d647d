"""Finding the topic a question is about: BM25 over each topic's phrasings, typos corrected."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from bot.content.knowledge import KnowledgeBook, Topic
from bot.content.topic_model import NONE, TopicModel
from bot.language.question_words import QuestionWords
from bot.language.spelling import corrected
from bot.language.topic_model import TopicScorer

GENERIC_TOPICS = 6
SHORT_QUESTION = 12  # words, for a question that does not name the face or spasms
PARTS = re.compile(r"[,.;:?!]|\b(?:or|but|and|so)\b")  # where a question's parts meet


@dataclass(frozen=True)
class Answer:
    topic: str
    text: str  # the answer as sent, with its source line
    score: float = 0.0


class KnowledgeIndex:
    """BM25 over each topic's example phrasings, with typos corrected against their words."""

    def __init__(self, book: KnowledgeBook, model: TopicModel | None = None) -> None:
        self.book = book
        self.text = text = QuestionWords.of(book)
        self._learned = TopicScorer(model, text) if model is not None else None
        self._doc_topics: list[str] = []
        docs: list[list[str]] = []
        for topic in book.topics:
            for phrase in [topic.title, *topic.asks]:
                docs.append(text.words(phrase))
                self._doc_topics.append(topic.id)
        self._bm25 = BM25Okapi(docs)
        # One document per topic as well: long, rambling questions add up evidence across it.
        topic_docs = [
            text.words(" ".join([t.title, *t.asks, t.keywords, t.answer if t.index_answer else ""]))
            for t in book.topics
        ]
        self._topic_ids = [t.id for t in book.topics]
        self._topic_bm25 = BM25Okapi(topic_docs)
        self._topic_keywords = {t.id: set(text.words(t.keywords)) for t in book.topics}
        keywords = set().union(*self._topic_keywords.values())
        self._vocabulary = sorted({w for doc in docs for w in doc} | keywords)
        self._domain = {text.term(w) for w in book.domain_words}
        self._keywords = keywords
        self._other_body = {text.term(w) for w in book.other_body}
        self._not_body = re.compile("|".join(rf"\b{re.escape(p)}\b" for p in book.not_body) or "(?!)")
        self._uncovered = {text.term(w) for w in book.uncovered}
        self._uncovered_patterns = [re.compile(p) for p in book.uncovered_patterns]
        self._asides = {text.term(w): subject for subject, words in book.asides.items() for w in words}
        self._face = {text.term(w) for w in book.face_words}
        self._known = set(self._vocabulary) | self._domain
        self._vocabulary_set = set(self._vocabulary)
        # Words found across many topics (eye, twitch, cause) do not tell topics apart.
        topic_sets = [set(doc) for doc in topic_docs]
        spread = {w: sum(w in doc for doc in topic_sets) for w in self._known}
        self._generic = {w for w, topics in spread.items() if topics >= GENERIC_TOPICS}
        self._question = re.compile(book.question_starts)
        self._filler = re.compile("|".join(rf"\b(?:{p})\b" for p in book.filler) or "(?!)")
        self._sure = model.sure if model is not None else 1.0
        self._rescue = model.rescue if model is not None else 1.0
        self._none_at = model.none_at if model is not None else 1.0
        self._blend = model.blend if model is not None else 0.0

    def tokens(self, text: str) -> list[str]:
        """Stemmed words, a misspelt one replaced by the known word it is closest to."""
        # A misspelling listed as a domain word ("twich") still gets its right spelling.
        return corrected(self.text.words(text), self._vocabulary, self._vocabulary_set)

    def match(self, question: str) -> tuple[str, float] | None:
        """The best topic, or None unless the question is about this domain and mostly in known words."""
        question, _ = self._set_aside(self._filler.sub(" ", question.lower()))
        if not question.strip():
            return None
        tokens = self.tokens(question)
        if self._off_topic(question):
            return None
        probabilities = self._learned.probabilities(question) if self._learned is not None else {}
        learned = max(probabilities.items(), key=lambda item: item[1]) if probabilities else None
        if not tokens:  # only small words ("what can i do about it"): the model alone, when sure
            sure = learned is not None and learned[0] != NONE and learned[1] >= self._sure
            return learned if sure else None
        if self._domain & set(tokens):
            if sum(t in self._known for t in tokens) / len(tokens) < self.book.min_coverage:
                # Many words we do not know: answered only when the model is very sure.
                rescued = learned is not None and learned[0] != NONE and learned[1] >= self._rescue
                return learned if rescued else None
        else:
            # No face or spasm words: answer only a short question that names a topic word as
            # typed (a guessed correction is not enough) and is not about another body part.
            typed = self.text.words(question)
            named = self._keywords & set(typed)
            known = sum(t in self._known for t in typed) / len(typed)
            if len(typed) > SHORT_QUESTION or not named:
                return None
            if known <= self.book.min_coverage:  # unless the model agrees with the topic word named
                agrees = (
                    learned is not None and learned[1] >= self._none_at and learned[0] in self._named(named)
                )
                return learned if agrees else None
        if learned is not None and learned[0] == NONE and learned[1] >= self._none_at:
            return None  # the model reads it as about something the topics do not cover
        if learned is not None and learned[1] >= self._sure:
            return learned
        # Such words say *that* it is about spasms, not *which* topic: score on the rest.
        specific = [t for t in tokens if t not in self._generic and t in self._known] or tokens
        best = dict.fromkeys(self._topic_ids, 0.0)
        for topic_id, score in zip(self._doc_topics, self._bm25.get_scores(specific), strict=True):
            best[topic_id] = max(best[topic_id], float(score))
        for topic_id, score in zip(self._topic_ids, self._topic_bm25.get_scores(specific), strict=True):
            best[topic_id] += self.book.topic_weight * float(score)
        # Not sure either way: each topic's probability, scaled to the phrasings' scores, added in.
        scale = self._blend * max(max(best.values()), self.book.min_score)
        for topic_id in best:
            best[topic_id] += scale * probabilities.get(topic_id, 0.0)
        topic_id, score = max(best.items(), key=lambda item: item[1])
        return (topic_id, score) if score >= self.book.min_score else None

    def set_aside(self, question: str) -> list[str]:
        """Subjects we have no content on, asked beside a question we answer ("insurance only
        covers part of it, can I space the injections out?"): the parts they are in are left out."""
        rest, aside = self._set_aside(self._filler.sub(" ", question.lower()))
        return aside if rest.strip() else []

    def _set_aside(self, question: str) -> tuple[str, list[str]]:
        """The question without its parts about such a subject, and those subjects."""
        if not self._asides.keys() & set(self.text.words(question)):
            return question, []
        kept, aside = [], []
        for part in PARTS.split(question):
            subjects = [self._asides[w] for w in self.text.words(part) if w in self._asides]
            if subjects:
                aside += subjects
            else:
                kept.append(part)
        return " ".join(kept), list(dict.fromkeys(aside))

    def _named(self, named: set[str]) -> set[str]:
        """The topics whose keywords these are."""
        return {topic for topic, keywords in self._topic_keywords.items() if keywords & named}

    def _off_topic(self, question: str) -> bool:
        """About something we have no content on, or about another part of the body."""
        typed = set(self.text.words(question))
        if self._uncovered & typed or any(p.search(question.lower()) for p in self._uncovered_patterns):
            return True
        bodily = set(self.text.words(self._not_body.sub(" ", question.lower())))
        return bool(self._other_body & bodily) and not self._face & typed

    def looks_like_question(self, text: str) -> bool:
        return "?" in text or bool(self._question.search(text.lower()))

    def answer(self, question: str) -> Answer | None:
        found = self.match(question)
        if found is None:
            return None
        topic = self.book.topic(found[0])
        assert topic is not None
        return Answer(topic.id, self.render(topic, aside=self.set_aside(question)), found[1])

    def render(self, topic: Topic, personal: str | None = None, aside: list[str] | None = None) -> str:
        sources = "; ".join(self.book.sources[s] for s in topic.sources)
        parts = [
            *([self.book.aside_line.format(words=", ".join(aside))] if aside else []),
            topic.answer,
            *([personal] if personal else []),
            self.book.source_line.format(sources=sources),
        ]
        return "\n\n".join(parts)
