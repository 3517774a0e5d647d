"""Figures in free text: "7", "6.5", "seven and a half", "twenty five", "2-3", "1,000", and the
words that say what a figure measures ("stress", "out of 10", "slept", "hours")."""

from __future__ import annotations

import re

from bot.content.reports import Anchor, ReportWords
from bot.domain.checkin_flow import MAX_SLEEP
from bot.language.report_parts import Clause, Found
from bot.language.report_words import tokens_of

MAX_DIGITS = 6
MAX_DURATION = 60 * 24 * 365  # minutes: a year; anything longer is not a duration we can store
THOUSANDS = re.compile(r"\d{1,3},\d{3}")
TENS = frozenset({20, 30, 40, 50, 60, 70, 80, 90})


class Figures:
    def __init__(self, words: ReportWords) -> None:
        self._w = words
        self._anchors = {name: [tuple(tokens_of(t)) for t in terms] for name, terms in words.words.items()}
        self._numbers = {tuple(tokens_of(k)): v for k, v in words.numbers.items()}
        self._ago = frozenset(words.days_ago)
        grammar = words.grammar
        self._fillers = frozenset(grammar.number_fillers)
        self._lasted = frozenset(grammar.lasted)
        self._skip = frozenset(grammar.anchor_skip)
        self._range = grammar.range_joins
        self._articles = frozenset(grammar.articles)
        self._half = [tokens_of(phrase) for phrase in grammar.and_a_half]
        # Longest first, so "sorry i meant" wins over "sorry".
        said = (*words.corrections, *words.changed_mind)
        self._cues = sorted((c for c in (tokens_of(c) for c in said) if c), key=len, reverse=True)
        self._openers = sorted((c for c in map(tokens_of, words.could_answer) if c), key=len, reverse=True)
        self._weak = {tuple(c) for c in self._openers}

    def read_numbers(self, clause: Clause, used: set[int], found: Found) -> None:
        tokens = clause.tokens
        i = 0
        while i < len(tokens):
            if i in used:
                i += 1
                continue
            number = self.number_at(tokens, i)
            if number is None:
                i += 1
                continue
            value, end = number
            claimed = self._claim(clause, i, end, value, found)
            i = claimed if claimed > i else end

    def _claim(self, clause: Clause, start: int, end: int, value: float, found: Found) -> int:
        """Give one number to what it measures; the index after what it used (start if nothing)."""
        tokens = clause.tokens
        before = self.anchor_before(tokens, start)
        unit = self._w.units.get(tokens[end]) if end < len(tokens) else None
        after_unit = end + 1 if unit is not None else end
        if before is None and unit is None and found.last_kind and self._corrects(clause, start):
            found.add(found.last_kind, value)  # "stress 4, actually 8"
            return end
        sleep = before == "sleep" or self.anchor_at(tokens, after_unit, "sleep")
        sleep = sleep or (clause.after_sleep and unit == 60)
        if unit in (None, 60) and sleep and 0 < value <= 24:
            found.add("sleep", value)
            return after_unit
        if unit is None:
            out_of_end = self.skip_out_of(tokens, end)
            scale = value == int(value) and 0 <= value <= 10
            if scale and (before == "stress_scale" or self.anchor_at(tokens, out_of_end, "stress_scale")):
                found.add("stress", value)
                return out_of_end
            # "6/10" is the spasms' strength, unless another word owns it ("headache 6/10")
            scored = out_of_end > end and (clause.own or self._opens_clause(clause, start))
            if scale and (before == "severity_scale" or scored):
                if before != "sleep":
                    found.add("severity", value)
                return out_of_end
            return start
        lasted = start > 0 and tokens[start - 1] in self._lasted  # "for 2 days before it stopped"
        if after_unit < len(tokens) and tokens[after_unit] in self._ago and not lasted:
            return after_unit + 1  # "3 days ago" says which day, not how long
        minutes, after_unit = self.minutes(tokens, value * unit, after_unit, unit)
        for_spasm = clause.spasm_context or (not clause.other and lasted)
        if minutes <= MAX_DURATION and for_spasm and not clause.activity_owns(start, after_unit):
            found.add_duration(clause, start, minutes)
        return after_unit

    def _corrects(self, clause: Clause, start: int) -> bool:
        """A correction ("actually", "I mean") comes just before `start`, with only filler between."""
        return any(
            h.kind == "correction"
            and h.end <= start
            and all(t in self._fillers for t in clause.tokens[h.end : start])
            for h in clause.hits
        )

    def _opens_clause(self, clause: Clause, start: int) -> bool:
        """Only filler or a correction ("sorry, I mean") comes before `start`."""
        fixing = {i for h in clause.hits if h.kind == "correction" for i in range(h.start, h.end)}
        return all(t in self._fillers or i in fixing for i, t in enumerate(clause.tokens[:start]))

    def bare_scale(self, text: str) -> int | None:
        """A typed 0-10 answer: "7", "7/10", "seven", "7 out of 10"."""
        tokens = tokens_of(text)
        number = self.number_at(tokens, 0)
        if number is None:
            return None
        value, end = number
        end = self.skip_out_of(tokens, end)
        if end != len(tokens) or value != int(value) or not 0 <= value <= 10:
            return None
        return int(value)

    def bare_correction(self, text: str, *, own_figure_asked: bool = False) -> int | None:
        """A 0-10 answer changed by a message of its own: "actually make it 6", "sorry i mean 4".
        Where hours or minutes are asked, a cue that could answer them ("it was 6") is not enough."""
        tokens = tokens_of(text)
        cues = self._cues
        weak = self._weak if own_figure_asked else set()
        start, cued = 0, False
        while start < len(tokens):  # cues may follow filler and one another: "so actually make it 6"
            cue = next((c for c in cues if tokens[start : start + len(c)] == c), None)
            if cue is not None:
                start, cued = start + len(cue), cued or tuple(cue) not in weak
            elif tokens[start] in self._fillers:
                start += 1
            else:
                break
        figure = " ".join(t for t in tokens[start:] if t not in self._fillers)
        return self.bare_scale(figure) if cued and figure else None

    def _answer_of(self, tokens: list[str]) -> list[str]:
        """Without a leading "it was" or "actually" (words that may open an answer)."""
        for cue in self._openers:
            if tokens[: len(cue)] == cue:
                return tokens[len(cue) :]
        return tokens

    def bare_hours(self, text: str) -> float | None:
        """Typed hours of sleep: "6.5", "7h", "seven and a half hours", "it was 6"."""
        tokens = self._answer_of(tokens_of(text))
        number = self.number_at(tokens, 0)
        if number is None:
            return None
        value, end = number
        if end < len(tokens) and self._w.units.get(tokens[end]) == 60:
            end += 1
        return value if end == len(tokens) and 0 <= value <= MAX_SLEEP else None

    def minutes(self, tokens: list[str], amount: float, end: int, unit: int) -> tuple[int, int]:
        """A length in whole minutes, with any smaller part that follows: "1 hr 15 min"."""
        following = self.number_at(tokens, end)
        if following is not None and following[1] < len(tokens):
            small = self._w.units.get(tokens[following[1]])
            if small is not None and 0 < small < unit:
                amount += following[0] * small
                end = following[1] + 1
        return max(1, round(amount)), end

    def anchor_before(self, tokens: list[str], start: int) -> Anchor | None:
        """The anchor word just before a number, skipping a few filler words."""
        j = start
        for _ in range(4):
            for name, terms in self._anchors.items():
                for words in terms:
                    if words and j - len(words) >= 0 and tuple(tokens[j - len(words) : j]) == words:
                        return name
            if j == 0 or tokens[j - 1] not in self._fillers:
                return None
            j -= 1
        return None

    def anchor_at(self, tokens: list[str], i: int, name: Anchor) -> bool:
        while i < len(tokens) and tokens[i] in self._skip:
            i += 1
        return any(words and tuple(tokens[i : i + len(words)]) == words for words in self._anchors[name])

    def skip_out_of(self, tokens: list[str], i: int) -> int:
        for words in self._anchors["scale_out_of"]:
            if tuple(tokens[i : i + len(words)]) == words:
                return i + len(words)
        return i

    def number_at(self, tokens: list[str], i: int) -> tuple[float, int] | None:
        if i >= len(tokens):
            return None
        token = tokens[i]
        if token[0].isdigit():
            if len(token) > MAX_DIGITS:
                return None  # "99999999999": no amount a diary records
            value = _figure(token)
            # "2-3 hours", "6 or 7 hours": the larger figure
            for sep in self._range:
                if (
                    i + 2 < len(tokens)
                    and tokens[i + 1] == sep
                    and tokens[i + 2][0].isdigit()
                    and len(tokens[i + 2]) <= MAX_DIGITS
                ):
                    return max(value, _figure(tokens[i + 2])), i + 3
            return self._and_a_half(tokens, value, i + 1)
        best: tuple[float, int] | None = None
        for words, value in self._numbers.items():
            if tuple(tokens[i : i + len(words)]) == words and (best is None or i + len(words) > best[1]):
                best = (value, i + len(words))
        if best is not None and best[1] == i + 1 and token in self._articles:
            # "a" is one only as in "a day" or "an hour", never as in "a solid 8 hours"
            following = tokens[best[1]] if best[1] < len(tokens) else ""
            return best if following in self._w.units else None
        if best is not None and best[0] in TENS and best[1] < len(tokens):
            ones = self._numbers.get((tokens[best[1]],))
            if ones is not None and 1 <= ones <= 9 and ones == int(ones):  # "twenty five"
                best = (best[0] + ones, best[1] + 1)
        return self._and_a_half(tokens, *best) if best is not None else None

    def _and_a_half(self, tokens: list[str], value: float, end: int) -> tuple[float, int]:
        """ "7 and a half", "seven and a half"."""
        for half in self._half:
            if tokens[end : end + len(half)] == half:
                return value + 0.5, end + len(half)
        return value, end


def _figure(token: str) -> float:
    """ "6.5", "7,5" (a decimal comma) or "1,000" (thousands)."""
    if THOUSANDS.fullmatch(token):
        return float(token.replace(",", ""))
    return float(token.replace(",", "."))
