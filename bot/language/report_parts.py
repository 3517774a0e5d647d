"""The pieces the free-text reader works with: the report it returns, the terms it matches, and
what it finds clause by clause."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.domain.days import DayRef
from bot.language.report_words import POOR_SLEEP_UNDER, STRESS_TRIGGER_FROM, tokens_of

# Triggers that are things done for a while: "on my laptop all day" is not how long spasms lasted.
ACTIVITIES = frozenset({"screen", "overuse", "alcohol", "caffeine", "poor_sleep"})


@dataclass(frozen=True)
class Report:
    """What a message says; None or empty for whatever it does not say."""

    had_spasm: bool | None = None
    severity: int | None = None
    stress: int | None = None
    locations: frozenset[str] = field(default_factory=frozenset)
    triggers: frozenset[str] = field(default_factory=frozenset)
    sleep_hours: float | None = None
    duration_minutes: int | None = None
    sides: tuple[tuple[str, str], ...] = ()  # (place, side) for the places whose side was said
    day: DayRef | None = None  # the day it is about, when not today

    @property
    def is_report(self) -> bool:
        amounts = (self.severity, self.stress, self.sleep_hours, self.duration_minutes)
        return bool(
            self.had_spasm is not None
            or self.locations
            or self.triggers
            or any(v is not None for v in amounts)
        )


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str  # spasm, none, negation, location, trigger, severity, stress, duration
    value: str | int = ""


class Terms:
    """Term lists as token sequences; "word*" matches any word starting with "word"."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str | int]]] = {}
        self._prefixed: list[tuple[tuple[str, ...], str, str | int]] = []

    def add(self, term: str, kind: str, value: str | int = "") -> None:
        words = tuple(tokens_of(term.rstrip("*")))
        if not words:
            return
        if term.endswith("*"):
            words = (*words[:-1], words[-1] + "*")
        entry = (words, kind, value)
        if len(words) == 1 and words[0].endswith("*"):
            self._prefixed.append(entry)
        else:
            self._by_first.setdefault(words[0], []).append(entry)

    def longest_at(self, tokens: list[str], i: int) -> Hit | None:
        best: Hit | None = None
        for words, kind, value in [*self._by_first.get(tokens[i], []), *self._prefixed]:
            if match_at(words, tokens, i) and (best is None or i + len(words) > best.end):
                best = Hit(i, i + len(words), kind, value)
        return best


def match_at(words: tuple[str, ...], tokens: list[str], i: int) -> bool:
    if i + len(words) > len(tokens):
        return False
    for word, token in zip(words, tokens[i : i + len(words)], strict=True):
        if word.endswith("*"):
            if not token.startswith(word[:-1]):
                return False
        elif word != token:
            return False
    return True


@dataclass(frozen=True)
class Clause:
    tokens: list[str]
    hits: list[Hit]
    own: bool  # speaks of spasms itself
    other: bool  # speaks of something done for a while (work, a call, the laptop)
    spasm_context: bool  # its strengths and lengths are the spasms'
    after_sleep: bool  # follows a clause about poor sleep: "slept badly (7 hours ...)"
    number: int  # its place in the message

    def activity_owns(self, start: int, end: int) -> bool:
        """An activity, and no spasm, is said before a length: "chewed gum all afternoon and now my
        jaw twitches" (but "eye twitching at work for 2 hours", "wine and a 20 minute twitch")."""
        spasm = [h for h in self.hits if h.kind in ("spasm", "location")]
        if any(h.end <= start or end <= h.start <= end + 1 for h in spasm):
            return False
        return any(is_activity(h) for h in self.hits if h.end <= start)


def is_activity(hit: Hit) -> bool:
    return hit.kind == "activity" or (hit.kind == "trigger" and hit.value in ACTIVITIES)


@dataclass
class Found:
    spasm: bool = False
    none: bool = False
    locations: set[str] = field(default_factory=set)
    triggers: set[str] = field(default_factory=set)
    severity_numbers: list[int] = field(default_factory=list)
    severity_words: list[int] = field(default_factory=list)
    stress_numbers: list[int] = field(default_factory=list)
    stress_words: list[int] = field(default_factory=list)
    sleep: list[float] = field(default_factory=list)
    durations: list[tuple[bool, int, int]] = field(default_factory=list)  # (own clause, order, minutes)
    corrected: bool = False  # "actually", "I mean": the last figure of a kind stands
    calm_places: set[str] = field(default_factory=set)  # "eye quiet in the morning but twitched later"
    last_kind: str = ""  # what the latest figure measured, for a bare correction ("stress 4, actually 8")
    sides: dict[str, str] = field(default_factory=dict)
    side_clauses: list[Any] = field(default_factory=list)  # report_sides.ClauseSides, clause by clause

    def add(self, kind: str, value: float) -> None:
        """A figure for sleep (hours), stress or severity (0-10)."""
        if kind == "sleep":
            self.sleep.append(value)
        elif value == int(value) and 0 <= value <= 10:
            (self.stress_numbers if kind == "stress" else self.severity_numbers).append(int(value))
        else:
            return
        self.last_kind = kind

    def add_duration(self, clause: Clause, position: int, minutes: int) -> None:
        self.durations.append((clause.own, clause.number * 10_000 + position, minutes))

    def report(self) -> Report:
        pick = last if self.corrected else first
        severity = pick(self.severity_numbers) if self.severity_numbers else pick(self.severity_words)
        stress = pick(self.stress_numbers) if self.stress_numbers else pick(self.stress_words)
        sleep = self.sleep[-1 if self.corrected else 0] if self.sleep else None
        # A length said with the spasms beats one said apart from them; then first (or last) said.
        best = max((own for own, _, _ in self.durations), default=False)
        lengths = [m for own, _, m in sorted(self.durations, key=lambda d: d[1]) if own == best]
        duration = pick(lengths)
        had_spasm: bool | None = None
        # A length alone is a spasm's only when nothing says there were none ("3 days without").
        if self.spasm or self.locations or severity is not None or (duration is not None and not self.none):
            had_spasm = True
        elif self.none:
            had_spasm = False
        triggers = set(self.triggers)
        if stress is not None:
            if stress >= STRESS_TRIGGER_FROM:
                triggers.add("stress")
            else:  # "stress 3" names the scale, not a cause
                triggers.discard("stress")
        if sleep is not None and sleep < POOR_SLEEP_UNDER:
            triggers.add("poor_sleep")
        if had_spasm is False:
            return Report(False, None, stress, frozenset(), frozenset(triggers), sleep, None)
        places = frozenset(self.locations or (self.calm_places if had_spasm else ()))
        sides = tuple(sorted((p, s) for p, s in self.sides.items() if p in places))
        return Report(had_spasm, severity, stress, places, frozenset(triggers), sleep, duration, sides)


def first(values: list[int]) -> int | None:
    return values[0] if values else None


def last(values: list[int]) -> int | None:
    return values[-1] if values else None
