"""Read a check-in written in free text ("left eyelid all afternoon, stress 7, slept 5h")
into plain values, with the words from content/reports.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.services.report_words import (
    FILLERS,
    MAX_TEXT,
    POOR_SLEEP_UNDER,
    STRESS_TRIGGER_FROM,
    Anchor,
    ReportWords,
    tokens_of,
)

__all__ = ["Report", "ReportReader", "ReportWords"]

KEY_NO = re.compile(r"\b([a-z]+)\s*[=:]\s*(?:no|none|n|false|0)\b(?![.,]\d)")
KEY_VALUE = re.compile(r"\b([a-z]+)\s*[=:]\s*")
# Triggers that are things done for a while: "on my laptop all day" is not how long spasms lasted.
ACTIVITIES = frozenset({"screen", "overuse", "alcohol", "caffeine", "poor_sleep"})
MAX_DIGITS = 6
MAX_DURATION = 60 * 24 * 365  # minutes: a year; anything longer is not a duration we can store
LIST_JOINS = frozenset({"or", "nor", "and", "any", "&"})


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
class _Hit:
    start: int
    end: int
    kind: str  # spasm, none, negation, location, trigger, severity, stress, duration
    value: str | int = ""


class _Terms:
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

    def longest_at(self, tokens: list[str], i: int) -> _Hit | None:
        best: _Hit | None = None
        for words, kind, value in [*self._by_first.get(tokens[i], []), *self._prefixed]:
            if _match(words, tokens, i) and (best is None or i + len(words) > best.end):
                best = _Hit(i, i + len(words), kind, value)
        return best


def _match(words: tuple[str, ...], tokens: list[str], i: int) -> bool:
    if i + len(words) > len(tokens):
        return False
    for word, token in zip(words, tokens[i : i + len(words)], strict=True):
        if word.endswith("*"):
            if not token.startswith(word[:-1]):
                return False
        elif word != token:
            return False
    return True


class ReportReader:
    def __init__(self, words: ReportWords) -> None:
        self._w = words
        terms = _Terms()
        # Added most specific first: on equal length the first added wins.
        for term in words.ignore:
            terms.add(term, "ignore")
        for term in words.spasm["none"]:
            terms.add(term, "none")
        for term, minutes in words.duration_phrases.items():
            terms.add(term, "duration", minutes)
        for term, level in words.stress_words.items():
            terms.add(term, "stress", level)
        for trigger, names in words.triggers.items():
            for term in names:
                terms.add(term, "trigger", trigger)
        for term, level in words.severity_words.items():
            terms.add(term, "severity", level)
        for place, names in words.locations.items():
            for term in names:
                terms.add(term, "location", place)
        for term in words.spasm["words"]:
            terms.add(term, "spasm")
        for term in words.negations:
            terms.add(term, "negation")
        self._terms = terms
        spelled = sorted(words.spelling, key=len, reverse=True)
        self._spelling = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in spelled) or "(?!)")
        self._questions = [tuple(tokens_of(q)) for q in words.question_starts]
        self._anchors = {name: [tuple(tokens_of(t)) for t in terms_] for name, terms_ in words.words.items()}
        self._numbers = {tuple(tokens_of(k)): v for k, v in words.numbers.items()}
        breaks = sorted(words.clause_breaks, key=len, reverse=True)
        # A full stop ends a clause, a decimal point does not ("6.5h").
        self._clause_split = re.compile("|".join(_clause_break(b) for b in breaks))

    def read(self, text: str) -> Report:
        found = _Found()
        clauses: list[tuple[list[str], list[_Hit]]] = []
        for sentence in _sentences(self._respell(text[:MAX_TEXT].lower())):
            if self._is_question(sentence):
                continue
            for clause in self._clause_split.split(sentence):
                tokens = tokens_of(clause)
                if tokens:
                    clauses.append((tokens, self._hits(tokens)))
        # A strength or a length belongs to the spasms when the message speaks of any, unless its
        # own clause is about something else ("on my laptop all day").
        spasm_said = any(h.kind in ("spasm", "location") for _, hits in clauses for h in hits)
        previous: list[_Hit] = []
        for tokens, hits in clauses:
            own = any(h.kind in ("spasm", "location") for h in hits)
            other = any(h.kind == "trigger" and h.value in ACTIVITIES for h in hits)
            context = own or (spasm_said and not other)
            after_sleep = not own and any(h.kind == "trigger" and h.value == "poor_sleep" for h in previous)
            self._read_clause(tokens, hits, context, after_sleep, found)
            previous = hits
        return found.report()

    def _respell(self, text: str) -> str:
        """Common shorthand spelled out, and "key=value" notes ("spasm=no sev=4") made clauses."""
        text = self._spelling.sub(lambda m: self._w.spelling[m.group(0)], text)
        text = KEY_NO.sub(r", no \1,", text)
        return KEY_VALUE.sub(r", \1 ", text)

    def bare_scale(self, text: str) -> int | None:
        """A typed 0-10 answer: "7", "7/10", "seven", "7 out of 10"."""
        tokens = tokens_of(text)
        number = self._number_at(tokens, 0)
        if number is None:
            return None
        value, end = number
        end = self._skip_out_of(tokens, end)
        if end != len(tokens) or value != int(value) or not 0 <= value <= 10:
            return None
        return int(value)

    def _is_question(self, sentence: str) -> bool:
        if sentence.rstrip().endswith("?"):
            return True
        tokens = tokens_of(sentence)
        return any(tuple(tokens[: len(q)]) == q for q in self._questions)

    def _read_clause(
        self, tokens: list[str], hits: list[_Hit], spasm_context: bool, after_sleep: bool, found: _Found
    ) -> None:
        used: set[int] = {i for h in hits for i in range(h.start, h.end)}
        for hit, negated in zip(hits, self._negations(hits, tokens), strict=True):
            if hit.kind == "none":
                found.none = True
            elif hit.kind == "spasm":
                if negated:
                    found.none = True
                else:
                    found.spasm = True
            elif hit.kind == "location" and not negated:
                found.locations.add(str(hit.value))
            elif hit.kind == "trigger" and not negated:
                found.triggers.add(str(hit.value))
            elif hit.kind == "stress":
                level = 0 if negated else int(hit.value)
                found.stress_words.append(level)
            elif hit.kind == "severity" and not negated and spasm_context:
                found.severity_words.append(int(hit.value))
            elif hit.kind == "duration" and spasm_context:
                found.durations.append(int(hit.value))
        self._read_numbers(tokens, used, spasm_context, after_sleep, found)

    def _hits(self, tokens: list[str]) -> list[_Hit]:
        hits: list[_Hit] = []
        i = 0
        while i < len(tokens):
            hit = self._terms.longest_at(tokens, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _negations(self, hits: list[_Hit], tokens: list[str]) -> list[bool]:
        """Per hit: after a negation within the window, or listed right after a negated item of
        its kind ("no tea or coffee"). One pass, so a long list costs no more than its length."""
        window = self._w.negation_window
        flags: list[bool] = []
        last_end = -(10**9)
        previous: dict[str, tuple[int, bool]] = {}  # kind -> (end, negated) of its latest hit
        for hit in hits:
            negated = 0 <= hit.start - last_end < window
            before = previous.get(hit.kind)
            if not negated and before is not None and hit.start > 0 and tokens[hit.start - 1] in LIST_JOINS:
                negated = before[1] and before[0] == hit.start - 1
            if hit.kind == "negation":
                last_end = hit.end
            previous[hit.kind] = (hit.end, negated)
            flags.append(negated)
        return flags

    def _read_numbers(
        self, tokens: list[str], used: set[int], spasm_context: bool, after_sleep: bool, found: _Found
    ) -> None:
        i = 0
        while i < len(tokens):
            if i in used:
                i += 1
                continue
            number = self._number_at(tokens, i)
            if number is None:
                i += 1
                continue
            value, end = number
            claimed = self._claim(tokens, i, end, value, spasm_context, after_sleep, found)
            i = claimed if claimed > i else end

    def _claim(
        self,
        tokens: list[str],
        start: int,
        end: int,
        value: float,
        spasm_context: bool,
        after_sleep: bool,
        found: _Found,
    ) -> int:
        """Give one number to what it measures; the index after what it used (start if nothing)."""
        before = self._anchor_before(tokens, start)
        unit = self._w.units.get(tokens[end]) if end < len(tokens) else None
        after_unit = end + 1 if unit is not None else end
        sleep = before == "sleep" or self._anchor_at(tokens, after_unit, "sleep")
        sleep = sleep or (after_sleep and unit == 60)
        if unit in (None, 60) and sleep and 0 < value <= 24:
            found.sleep.append(value)
            return after_unit
        if unit is None:
            out_of_end = self._skip_out_of(tokens, end)
            scale = value == int(value) and 0 <= value <= 10
            if scale and (before == "stress_scale" or self._anchor_at(tokens, out_of_end, "stress_scale")):
                found.stress_numbers.append(int(value))
                return out_of_end
            if scale and (before == "severity_scale" or out_of_end > end):
                if before != "sleep":
                    found.severity_numbers.append(int(value))
                return out_of_end
            return start
        minutes = max(1, round(value * unit))
        if minutes <= MAX_DURATION and (
            spasm_context or (start > 0 and tokens[start - 1] in ("for", "lasted"))
        ):
            found.durations.append(minutes)
        return after_unit

    def _anchor_before(self, tokens: list[str], start: int) -> Anchor | None:
        """The anchor word just before a number, skipping a few filler words."""
        j = start
        for _ in range(4):
            for name, terms in self._anchors.items():
                for words in terms:
                    if words and j - len(words) >= 0 and tuple(tokens[j - len(words) : j]) == words:
                        return name
            if j == 0 or tokens[j - 1] not in FILLERS:
                return None
            j -= 1
        return None

    def _anchor_at(self, tokens: list[str], i: int, name: Anchor) -> bool:
        while i < len(tokens) and tokens[i] in ("of", "the", "a"):
            i += 1
        return any(words and tuple(tokens[i : i + len(words)]) == words for words in self._anchors[name])

    def _skip_out_of(self, tokens: list[str], i: int) -> int:
        for words in self._anchors["scale_out_of"]:
            if tuple(tokens[i : i + len(words)]) == words:
                return i + len(words)
        return i

    def _number_at(self, tokens: list[str], i: int) -> tuple[float, int] | None:
        if i >= len(tokens):
            return None
        token = tokens[i]
        if token[0].isdigit():
            if len(token) > MAX_DIGITS:
                return None  # "99999999999": no amount a diary records
            value = float(token.replace(",", "."))
            # "2-3 hours", "6 or 7 hours": the larger figure
            for sep in ("-", "or", "to"):
                if (
                    i + 2 < len(tokens)
                    and tokens[i + 1] == sep
                    and tokens[i + 2][0].isdigit()
                    and len(tokens[i + 2]) <= MAX_DIGITS
                ):
                    return max(value, float(tokens[i + 2].replace(",", "."))), i + 3
            return _and_a_half(tokens, value, i + 1)
        best: tuple[float, int] | None = None
        for words, value in self._numbers.items():
            if tuple(tokens[i : i + len(words)]) == words and (best is None or i + len(words) > best[1]):
                best = (value, i + len(words))
        if best is not None and best[1] == i + 1 and token in ("a", "an"):
            # "a" is one only as in "a day" or "an hour", never as in "a solid 8 hours"
            following = tokens[best[1]] if best[1] < len(tokens) else ""
            return best if following in self._w.units else None
        return _and_a_half(tokens, *best) if best is not None else None


@dataclass
class _Found:
    spasm: bool = False
    none: bool = False
    locations: set[str] = field(default_factory=set)
    triggers: set[str] = field(default_factory=set)
    severity_numbers: list[int] = field(default_factory=list)
    severity_words: list[int] = field(default_factory=list)
    stress_numbers: list[int] = field(default_factory=list)
    stress_words: list[int] = field(default_factory=list)
    sleep: list[float] = field(default_factory=list)
    durations: list[int] = field(default_factory=list)

    def report(self) -> Report:
        severity = _first(self.severity_numbers) if self.severity_numbers else _first(self.severity_words)
        stress = _first(self.stress_numbers) if self.stress_numbers else _first(self.stress_words)
        sleep = self.sleep[0] if self.sleep else None
        duration = self.durations[0] if self.durations else None
        had_spasm: bool | None = None
        if self.spasm or self.locations or severity is not None or duration is not None:
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
        places = frozenset(self.locations)
        return Report(had_spasm, severity, stress, places, frozenset(triggers), sleep, duration)


def _and_a_half(tokens: list[str], value: float, end: int) -> tuple[float, int]:
    """ "7 and a half", "seven and a half"."""
    if tokens[end : end + 3] == ["and", "a", "half"]:
        return value + 0.5, end + 3
    return value, end


def _first(values: list[int]) -> int | None:
    return values[0] if values else None


def _clause_break(mark: str) -> str:
    """A full stop or comma ends a clause; a decimal point or comma does not ("6.5h", "7,5 hrs")."""
    if mark in (".", ","):
        return rf"(?<!\d){re.escape(mark)}|{re.escape(mark)}(?!\d)"
    return re.escape(mark)


def _sentences(text: str) -> list[str]:
    """Sentences with their end mark kept, so a question can be told by its "?"."""
    return [s for s in re.split(r"(?<=[!?\n])\s*|(?<=\.)(?!\d)\s*", text) if s.strip()]
