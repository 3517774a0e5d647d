"""Which side of the face each place was on: "left eye", "L cheek", "eye on the left", "both eyes",
"left eye and cheek" (one side word for a list), "my eyes" (a pair in the plural: both)."""

from __future__ import annotations

from bot.content.reports import ReportWords
from bot.language.report_parts import Hit

LIST_JOINS = frozenset({"and", "&", "+", "n", "or", "plus", "also", "too"})
LETTERS = frozenset({"l", "r"})  # "L eye": a lone letter is a side only right before a place


def merged(old: str | None, new: str) -> str:
    """A place said on the left and on the right is on both sides."""
    return new if old in (None, new) else "both"


class SideReader:
    def __init__(self, words: ReportWords) -> None:
        self._glue = frozenset(words.side_glue)
        self._paired = frozenset(words.paired)

    def sides(self, tokens: list[str], hits: list[Hit], places: set[str]) -> dict[str, str]:
        """The side of each place in `places` that this clause gives one for."""
        found: dict[str, str] = {}
        at = {h.start: h for h in hits}
        ends = {h.end: h for h in hits}
        for side in (h for h in hits if h.kind == "side"):
            for place in self._after(side, tokens, at) + self._before(side, tokens, ends):
                if place in places:
                    found[place] = merged(found.get(place), str(side.value))
        for hit in hits:  # "my eyes", "both eyes" without a side word: a pair means both
            place = str(hit.value)
            pair = " ".join(tokens[hit.start : hit.end]) in self._paired
            if hit.kind == "location" and place in places and place not in found and pair:
                found[place] = "both"
        return found

    def _after(self, side: Hit, tokens: list[str], at: dict[int, Hit]) -> list[str]:
        """Places right after a side word ("left side of my eye"), and the list they start."""
        places: list[str] = []
        letter = tokens[side.start] in LETTERS and side.end == side.start + 1
        i = side.end
        while i < len(tokens):
            hit = at.get(i)
            if hit is not None and hit.kind == "location":
                places.append(str(hit.value))
                i = hit.end
                continue
            if letter and not places:
                break  # "L eye" only, never "l ... eye"
            if hit is not None and hit.kind == "side":
                break  # the next place has a side of its own
            if tokens[i] in self._glue or (places and tokens[i] in LIST_JOINS):
                i += 1
                continue
            break
        return places

    def _before(self, side: Hit, tokens: list[str], ends: dict[int, Hit]) -> list[str]:
        """Places just before a side word ("eye on the left", "eye and cheek, left side")."""
        if tokens[side.start] in LETTERS:
            return []
        places: list[str] = []
        i = side.start
        while i > 0:
            hit = ends.get(i)
            if hit is not None and hit.kind == "location":
                places.append(str(hit.value))
                i = hit.start
                continue
            if hit is not None and hit.kind == "side":
                break
            if tokens[i - 1] in self._glue or (places and tokens[i - 1] in LIST_JOINS):
                i -= 1
                continue
            break
        return places
