"""What a regular expression's match must begin with, so a message can skip the patterns it
cannot match: triage runs on every message at the door, and most name no red flag at all.

`openings(pattern)` reads the pattern with Python's own parser and returns every literal string
(1 to 3 characters) one of which starts any match, or None when that cannot be told (a class,
a wildcard, a flag): None means "always look". Skipping is then exact: a pattern none of whose
openings occur in a text has no match in it."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

# The parser Python's re compiles with (re._parser since 3.11): without it nothing is skipped.
try:
    sre: Any = importlib.import_module("re._constants")
    sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    sre = sre_parse = None

LENGTH = 3
MAX_OPENINGS = 400  # beyond this, the pattern is simply always looked at
_UNSUPPORTED_FLAGS = re.IGNORECASE | re.VERBOSE | re.MULTILINE | re.DOTALL


class _Unknown(Exception):
    """Some match could begin with anything: no gate for this pattern."""


def openings(pattern: str) -> frozenset[str] | None:
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & _UNSUPPORTED_FLAGS:
            return None
        found = _sequence(list(parsed))
    except (_Unknown, re.error, RecursionError, TypeError, ValueError):
        return None
    # Any empty or open-ended start means a match might begin with anything.
    if not found or any(not text for text, _ in found):
        return None
    return frozenset(text[:LENGTH] for text, _ in found)


def _sequence(items: list[Any]) -> set[tuple[str, bool]]:
    """(start, complete) pairs: `complete` when the whole sequence is exactly that literal."""
    starts: set[tuple[str, bool]] = {("", True)}
    for op, arg in items:
        growing = {s for s in starts if s[1] and len(s[0]) < LENGTH}
        if not growing:
            break
        done = starts - growing
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no characters
        if op is sre.LITERAL:
            starts = done | {(text + chr(arg), True) for text, _ in growing}
        elif op is sre.SUBPATTERN:
            if arg[1] or arg[2]:  # inline flags inside the group
                raise _Unknown
            starts = done | _join(growing, _sequence(list(arg[3])))
        elif op is sre.BRANCH:
            alternatives: set[tuple[str, bool]] = set()
            for branch in arg[1]:
                alternatives |= _sequence(list(branch))
            starts = done | _join(growing, alternatives)
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in arg):
            starts = done | {(text + chr(code), True) for text, _ in growing for _, code in arg}
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, _, body = arg
            once = {(text, False) for text, _ in _sequence(list(body))}
            taken = _join(growing, once)
            starts = done | taken | ({(t, c) for t, c in growing} if low == 0 else set())
        else:  # a class, a wildcard, a backreference: the start stops growing here
            starts = done | {(text, False) for text, _ in growing}
        if len(starts) > MAX_OPENINGS:
            raise _Unknown
    return starts


def _join(heads: Iterable[tuple[str, bool]], tails: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    return {(head + tail, whole) for head, _ in heads for tail, whole in tails}


class Pieces:
    """A text and every LENGTH-character piece of it: what openings are looked up in."""

    __slots__ = ("long", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.long = {text[i : i + LENGTH] for i in range(len(text) - LENGTH + 1)}


class Gate:
    """Openings of a group of patterns; `may_match(pieces)` is False only when none can match."""

    def __init__(self, patterns: Iterable[str]) -> None:
        found: set[str] | None = set()
        for pattern in patterns:
            more = openings(pattern)
            if more is None or found is None:
                found = None
            else:
                found |= more
        self.always = found is None
        self.long = frozenset(o for o in found or () if len(o) == LENGTH)
        self.short = tuple(o for o in found or () if len(o) < LENGTH)  # looked for in the text

    def may_match(self, pieces: Pieces) -> bool:
        if self.always or not self.long.isdisjoint(pieces.long):
            return True
        return any(o in pieces.text for o in self.short)


class Gates:
    """Many gates looked up at once: which of them a text passes, by one set intersection."""

    def __init__(self) -> None:
        self._by_opening: dict[str, set[object]] = {}
        self._short: list[tuple[str, object]] = []
        self._always: set[object] = set()

    def add(self, key: object, gate: Gate) -> None:
        if gate.always:
            self._always.add(key)
        for opening in gate.long:
            self._by_opening.setdefault(opening, set()).add(key)
        self._short += [(opening, key) for opening in gate.short]

    def passing(self, pieces: Pieces | None, everything: set[object]) -> set[object]:
        """The keys whose patterns may match (all of `everything` when there are no pieces)."""
        if pieces is None:
            return everything
        found = set(self._always)
        for opening in pieces.long.intersection(self._by_opening):
            found |= self._by_opening[opening]
        found.update(key for opening, key in self._short if opening in pieces.text)
        return found
