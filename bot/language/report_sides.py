"""Which side of the face each place was on: "left eye", "L cheek", "eye on the left", "both eyes",
"left eye and cheek" (one side word for a list), "l+r eyes" (both), "my eyes" (a pair in the plural:
both), "twitching on the left" (a side said for the clause's places), "the other side"."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.content.reports import ReportWords
from bot.language.report_parts import Hit

# A side word not next to a place still names the side when said as one: "on the left", "left side".
OPPOSITE = {"left": "right", "right": "left"}


def merged(old: str | None, new: str) -> str:
    """A place said on the left and on the right is on both sides."""
    return new if old in (None, new) else "both"


@dataclass
class ClauseSides:
    bound: dict[str, str] = field(default_factory=dict)  # place -> side, said next to the place
    floating: list[str] = field(default_factory=list)  # sides said apart from any place ("other" too)
    places: list[str] = field(default_factory=list)  # places of spasms the clause names
    only_places: bool = False  # nothing but places: "cheek too" takes the side said before it


class SideReader:
    def __init__(self, words: ReportWords) -> None:
        self._glue = frozenset(words.side_glue)
        self._paired = frozenset(words.paired)
        grammar = words.grammar
        self._joins = frozenset(grammar.side_joins)
        self._also = frozenset(grammar.also)
        self._letters = frozenset(grammar.side_letters)
        self._before_side = frozenset(grammar.before_side)
        self._after_side = frozenset(grammar.after_side)

    def clause(self, tokens: list[str], hits: list[Hit], places: set[str]) -> ClauseSides:
        """What one clause says of sides, for the places in `places` (places of spasms)."""
        found = ClauseSides(places=[str(h.value) for h in hits if h.kind == "location" and h.value in places])
        at = {h.start: h for h in hits}
        ends = {h.end: h for h in hits}
        for side in (h for h in hits if h.kind == "side"):
            if side.value == "other":  # "the other side": known only from the side said before
                found.floating.append("other")
                continue
            bound = self._after(side, tokens, at) or self._before(side, tokens, ends)
            for place, value in bound:
                if place in places:
                    found.bound[place] = merged(found.bound.get(place), value)
            if not bound and self._said_as_a_side(side, tokens):
                found.floating.append(str(side.value))
        for hit in hits:  # "my eyes", "both eyes" without a side word: a pair means both
            place = str(hit.value)
            pair = " ".join(tokens[hit.start : hit.end]) in self._paired
            if hit.kind == "location" and place in places and place not in found.bound and pair:
                found.bound[place] = "both"
        spoken = {i for h in hits if h.kind == "location" for i in range(h.start, h.end)}
        found.only_places = bool(found.places) and all(
            i in spoken or t in self._glue or t in self._joins or t in self._also
            for i, t in enumerate(tokens)
        )
        return found

    def _after(self, side: Hit, tokens: list[str], at: dict[int, Hit]) -> list[tuple[str, str]]:
        """Places right after a side word ("left side of my eye"), and the list they start;
        "l+r eyes", "left and right cheek": both."""
        value = str(side.value)
        places: list[tuple[str, str]] = []
        letter = tokens[side.start] in self._letters
        i = side.end
        while i < len(tokens):
            hit = at.get(i)
            if hit is not None and hit.kind == "location":
                places.append((str(hit.value), value))
                i = hit.end
                continue
            if letter and not places and i > side.end and tokens[i - 1] not in self._joins:
                break  # "L eye" only, never "l ... eye"
            if hit is not None and hit.kind == "side":
                if places:
                    break  # the next place has a side of its own
                value, i = merged(value, str(hit.value)), hit.end  # "left and right eyelids"
                continue
            if tokens[i] in self._glue or tokens[i] in self._joins:
                i += 1
                continue
            break
        return places

    def _before(self, side: Hit, tokens: list[str], ends: dict[int, Hit]) -> list[tuple[str, str]]:
        """Places just before a side word ("eye on the left", "eye (L)", "eye and cheek, left side")."""
        letter = tokens[side.start] in self._letters
        places: list[tuple[str, str]] = []
        i = side.start
        while i > 0:
            hit = ends.get(i)
            if hit is not None and hit.kind == "location":
                places.append((str(hit.value), str(side.value)))
                i = hit.start
                continue
            if letter or (hit is not None and hit.kind == "side"):
                break
            if tokens[i - 1] in self._glue or (places and tokens[i - 1] in self._joins):
                i -= 1
                continue
            break
        return places

    def _said_as_a_side(self, side: Hit, tokens: list[str]) -> bool:
        """ "on the left", "the right one", "left side", "left:" - not "I left work", "right now"."""
        if tokens[side.start] in self._letters:
            return False
        before = tokens[side.start - 1] if side.start else ""
        after = tokens[side.end] if side.end < len(tokens) else ""
        return before in self._before_side or after in self._after_side or (not after and before in ("", ","))


def resolve_floating(clauses: list[ClauseSides]) -> dict[str, str]:
    """Each place's side over the whole message: said next to it, said in its clause ("twitching on
    the left"), or said in a clause of its own just before or after ("on the left again. eyelid")."""
    sides: dict[str, str] = {}
    last_side = ""
    for number, clause in enumerate(clauses):
        for place, side in clause.bound.items():
            sides[place] = merged(sides.get(place), side)
            last_side = side
        for side in clause.floating:
            value = OPPOSITE.get(last_side, "") if side == "other" else side
            if not value:
                continue
            targets = [p for p in clause.places if p not in clause.bound]
            if not targets and not clause.places:
                near = [c for c in (clauses[number + 1 : number + 2] + clauses[max(0, number - 1) : number])]
                targets = next(([p for p in c.places if p not in c.bound] for c in near if c.places), [])
            for place in targets:
                sides[place] = merged(sides.get(place), value)
            last_side = value
        if clause.only_places and number and not clause.bound and not clause.floating:
            before = {s for p, s in clauses[number - 1].bound.items()}
            if len(before) == 1:  # "left eye twitch, cheek too"
                for place in clause.places:
                    sides.setdefault(place, before.pop() if len(before) == 1 else "")
                    before = {sides[place]}
    return {p: s for p, s in sides.items() if s}
