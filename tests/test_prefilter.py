"""The gates that let triage skip patterns must never skip one that would have matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import load_content
from bot.language.prefilter import Gate, Pieces, openings

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(arm|legs?)\s+x", {"arm", "leg"}),
        (r"\bnot breathing\b(?! (problems?))", {"not"}),
        (r"(a|b)c", {"ac", "bc"}),
        (r"x?y", {"x", "y"}),
        (r"[ab]?cd", {"a", "b", "cd"}),
        (r"\b(is not|no longer) answering", {"is ", "no "}),
    ],
)
def test_openings_are_what_every_match_begins_with(pattern: str, expected: set[str]) -> None:
    assert openings(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r".*abc", r"\b\w+ed", r"(?i)abc", "", r"(?!)", r"[^a]bc"])
def test_a_pattern_that_could_begin_anywhere_is_always_looked_at(pattern: str) -> None:
    assert openings(pattern) is None
    assert Gate([pattern]).may_match(Pieces("zzz"))


def _rule_patterns() -> list[str]:
    rules = load_content(DEFAULT_CONTENT_DIR).safety
    found = [p for f in rules.flags for p in f.now + f.mention] + [
        p for u in rules.urgent for p in u.patterns
    ]
    found += [q.first for q in rules.pairs] + [q.second for q in rules.pairs]
    return found + [a for a, _ in rules.rewrites] + list(rules.idioms)


PATTERNS = [(p, re.compile(p), Gate([p])) for p in _rule_patterns()]
WORDS = sorted({w for p, _, _ in PATTERNS for w in re.findall(r"[a-z']{2,}", p)})


def _closed_gates_that_match(text: str) -> list[str]:
    pieces = Pieces(text)
    return [p for p, compiled, gate in PATTERNS if not gate.may_match(pieces) and compiled.search(text)]


def test_no_gate_closes_on_a_labelled_message_its_pattern_matches() -> None:
    texts = [
        line.split("\t", 1)[1].lower()
        for path in sorted(DATA.glob("*.tsv"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if "\t" in line and not line.startswith("#")
    ]
    assert [t for t in texts if _closed_gates_that_match(f" {t} ")] == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(WORDS) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz ',.!?", max_size=6), max_size=12
    )
)
def test_no_gate_closes_on_words_of_the_rules_themselves(words: list[str]) -> None:
    text = f" {' '.join(words)} "
    assert _closed_gates_that_match(text) == []
