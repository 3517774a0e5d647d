"""How a language's questions are cut into words: accents folded, small words left out, endings
stripped by that language's own rules (content/<language>/knowledge.toml). The phrasings' index,
the topic model and its training all read a question through the same `QuestionWords`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.knowledge import KnowledgeBook
from bot.language.rewrites import fold_accents

MEANINGFUL = re.compile(r"[a-z&]+")  # "q&a" stays one word in the index
EVERY = re.compile(r"[a-z]+")


def _plain(text: str) -> str:
    return fold_accents(text.lower().replace("’", "'").replace("'", ""))


@dataclass(frozen=True)
class QuestionWords:
    stopwords: frozenset[str]
    endings: tuple[tuple[str, str, int], ...]  # (ending, replacement, shortest word it applies to)

    @classmethod
    def of(cls, book: KnowledgeBook) -> QuestionWords:
        return cls(frozenset(_plain(book.stopwords).split()), tuple(book.stems))

    def stem(self, word: str) -> str:
        """The first ending rule that fits: twitching, twitches -> twitch; espasmos -> espasm."""
        for ending, replacement, shortest in self.endings:
            if word.endswith(ending) and len(word) >= shortest:
                return word[: len(word) - len(ending)] + replacement
        return word

    def term(self, word: str) -> str:
        """A word from a list in the content, read as a question's word would be."""
        return self.stem(_plain(word))

    def every_word(self, text: str) -> list[str]:
        """Every word, stemmed: "why", "how" and "can" tell what is asked, so none is left out."""
        return [self.stem(w) for w in EVERY.findall(_plain(text))]

    def words(self, text: str) -> list[str]:
        """Meaningful words, stemmed: no small words, no punctuation."""
        stems = (self.stem(w) for w in MEANINGFUL.findall(_plain(text)) if w not in self.stopwords)
        return [w for w in stems if w not in self.stopwords]
