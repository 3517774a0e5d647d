"""Slips of the thumb: a word that is not known becomes the known word closest to it."""

from __future__ import annotations

from rapidfuzz import fuzz, process

TYPO_MIN_LENGTH = 5  # shorter words are too easily another word
TYPO_SCORE = 84


def corrected(
    words: list[str], vocabulary: list[str], known: set[str], score: float = TYPO_SCORE
) -> list[str]:
    """Each word, or when it is not known, the word of `vocabulary` closest to it (at `score` or
    more of rapidfuzz's ratio)."""
    out = []
    for word in words:
        if word not in known and len(word) >= TYPO_MIN_LENGTH:
            best = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=score)
            word = best[0] if best else word
        out.append(word)
    return out
