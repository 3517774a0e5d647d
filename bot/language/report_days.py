"""The day a clause speaks of: "yesterday", "last night", "on Monday", "last Friday", "2 days ago",
"on the 3rd", "Dec 5", "5th of December", "on 30/11", "tomorrow" (a plan, refused)."""

from __future__ import annotations

from typing import Literal

from bot.content.reports import ReportWords
from bot.domain.days import DayRef
from bot.language.report_parts import Hit
from bot.language.report_words import tokens_of

TODAY: Literal["today"] = "today"
Day = DayRef | Literal["today"]


class DayReader:
    def __init__(self, words: ReportWords) -> None:
        self._phrases: dict[tuple[str, ...], Day] = {}
        for entry in words.day_words:
            term, _, back = entry.rpartition(":")
            day: Day = (
                DayRef("future") if back == "future" else (TODAY if back == "0" else DayRef("ago", int(back)))
            )
            self._phrases[tuple(tokens_of(term))] = day
        self._longest = max(len(p) for p in self._phrases)
        self._weekdays = {w: i for i, names in enumerate(words.weekdays) for w in names}
        self._months = {w: i + 1 for i, names in enumerate(words.months) for w in names}
        self._last = [tuple(tokens_of(w)) for w in words.day_last]
        self._next = [tuple(tokens_of(w)) for w in words.day_next]
        self._ordinals = frozenset(words.ordinal_ends)
        self._ago = frozenset(words.days_ago)
        self._ahead = frozenset(words.days_ahead)
        self._before = frozenset(words.days_before)
        self._future = [tuple(tokens_of(w)) for w in words.future_markers]
        grammar = words.grammar
        self._leads = frozenset(grammar.day_leads)
        self._periods = {"".join(tokens_of(word)): days for word, days in grammar.period_days.items()}
        self._one = frozenset(grammar.one)
        self._of = grammar.date_of
        self._date_leads = frozenset(grammar.date_leads)
        self._numbers = {k[0]: int(v) for k, v in ((tuple(tokens_of(n)), v) for n, v in words.numbers.items())
                         if len(k) == 1 and v == int(v) and 1 <= v <= 31}  # fmt: skip

    def day_in(self, tokens: list[str]) -> Day | None:
        """The first day the tokens name, or None."""
        for i in range(len(tokens)):
            found = self._at(tokens, i)
            if found is not None:
                return found
        return None

    def speaks_of_later(self, tokens: list[str]) -> bool:
        """ "will", "gonna", "hope": the clause is about what is still to come."""
        return any(tuple(tokens[i : i + len(m)]) == m for m in self._future for i in range(len(tokens)))

    def leading_day(self, tokens: list[str]) -> Day | None:
        """A day that opens the clause ("yesterday: ...", "on Monday ..."): it heads what follows."""
        start = 1 if tokens and tokens[0] in self._leads else 0
        return self._at(tokens, start) if start < len(tokens) else None

    def _at(self, tokens: list[str], i: int) -> Day | None:
        for size in range(min(self._longest, len(tokens) - i), 0, -1):
            phrase = self._phrases.get(tuple(tokens[i : i + size]))
            if phrase is not None:
                return phrase
        token = tokens[i]
        if token in self._weekdays:
            if self._preceded(tokens, i, self._next):
                return DayRef("future")
            return DayRef("weekday", self._weekdays[token], last=self._preceded(tokens, i, self._last))
        if len(token) == 4 and token.isdigit() and tokens[i + 1 : i + 2] == ["-"]:
            return self._iso(tokens, i)
        number = self._number(token)
        if number is None:
            return None
        following = tokens[i + 1 : i + 4]
        if following[:1] and following[0] in self._periods:
            days = number * self._periods[following[0]]
            if following[1:2] and following[1] in self._ago:  # "2 days ago"
                return DayRef("ago", days)
            before = tokens[i - 1] if i else ""
            if before in self._ahead:  # "in 2 days"
                return DayRef("future")
            if before in self._before:  # "before 2 days"
                return DayRef("ago", days)
        if not token.isdigit():
            return None
        return self._date(tokens, i, number)

    @staticmethod
    def _iso(tokens: list[str], i: int) -> DayRef | None:
        """ "2026-12-06"."""
        parts = tokens[i : i + 5]
        if len(parts) == 5 and parts[3] == "-" and parts[2].isdigit() and parts[4].isdigit():
            month, day = int(parts[2]), int(parts[4])
            return DayRef("date", day, month) if 1 <= month <= 12 and 1 <= day <= 31 else None
        return None

    def _date(self, tokens: list[str], i: int, number: int) -> DayRef | None:
        """A day of the month: "3rd", "the 3rd of Dec", "Dec 3", "3 December", "on 30/11"."""
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        ordinal = after in self._ordinals
        rest = tokens[i + 2 :] if ordinal else tokens[i + 1 :]
        if rest[:1] and rest[0] in self._of:
            rest = rest[1:]
        month = self._months.get(before) or (self._months.get(rest[0]) if rest else None)
        if (
            after == "/"
            and (before in self._date_leads or i == 0)
            and i + 2 < len(tokens)
            and tokens[i + 2].isdigit()
        ):
            return _numeric(number, int(tokens[i + 2]))
        if not 1 <= number <= 31 or not (month or (ordinal and before in self._date_leads)):
            return None
        return DayRef("date", number, month or 0)

    def _number(self, token: str) -> int | None:
        if token.isdigit() and len(token) <= 2:
            return int(token)
        return self._numbers.get(token) or (1 if token in self._one else None)

    @staticmethod
    def _preceded(tokens: list[str], i: int, phrases: list[tuple[str, ...]]) -> bool:
        return any(tuple(tokens[max(0, i - len(p)) : i]) == p for p in phrases)


def _numeric(first: int, second: int) -> DayRef | None:
    """ "30/11" or "11/30"; "12/3" could be either, and the most recent reading wins."""
    if first > 12 and 1 <= second <= 12 and first <= 31:
        return DayRef("date", first, second)
    if second > 12 and 1 <= first <= 12 and second <= 31:
        return DayRef("date", second, first)
    if 1 <= first <= 12 and 1 <= second <= 12:
        return DayRef("date", first, second, either_order=True)
    return None


CONTENT = frozenset({"spasm", "none", "location", "trigger", "vague", "severity", "stress", "duration"})
SPASM = frozenset({"spasm", "location", "severity", "duration"})
HEADER_WORDS = 4


def day_of(
    clauses: list[tuple[list[str], list[Hit]]], days: list[Day | None], leading: list[Day | None]
) -> DayRef | None:
    """The one day the report's content is about: a clause's own day, or one that led an earlier
    clause ("Yesterday. Left eye all evening", "Monday: stress 8, no spasms"); the spasms' day
    first. None: today, or days that differ."""
    context: Day | None = None
    spoken: list[tuple[bool, Day | None]] = []
    for (tokens, hits), day, lead in zip(clauses, days, leading, strict=True):
        content = any(h.kind in CONTENT for h in hits) or any(t[0].isdigit() for t in tokens)
        header = not content and len(tokens) <= HEADER_WORDS  # "Yesterday.", "On Monday:"
        if header or lead is not None:
            context = (lead or day) if (lead or day) is not None else context
        if content:
            spoken.append((any(h.kind in SPASM for h in hits), day if day is not None else context))
    about = [day for spasm, day in spoken if spasm] or [day for _, day in spoken]
    found = set(about)
    only = found.pop() if len(found) == 1 else None
    return only if isinstance(only, DayRef) else None
