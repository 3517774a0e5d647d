"""Read a check-in written in free text ("left eyelid all afternoon, stress 7, slept 5h")
into plain values, with the words from content/<language>/reports.toml."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.content.reports import ReportWords
from bot.domain.days import DayRef
from bot.language.report_days import Day, DayReader, day_of
from bot.language.report_numbers import Figures
from bot.language.report_parts import Clause, Found, Hit, Report, Terms, is_activity
from bot.language.report_sides import SideReader, resolve_floating
from bot.language.report_words import MAX_TEXT, clause_break, sentences, tokens_of
from bot.language.rewrites import fold_accents

__all__ = ["Report", "ReportReader", "ReportWords"]

SURPRISE = re.compile(r"\?[?!]+\s*$")
# "Sleep? Eight hours." asks and answers like "sleep: eight hours"
LABEL_ASKED = re.compile(r"(^|[.!?\n]\s*)([a-z]+)\?+\s+(?=\w)")
# "Where: left eye", "How bad: 5/10": a label, not a question
LABEL = re.compile(r"\s*[a-z' ]{1,24}[=:]")
POSSESSIVE = re.compile(r"(?<=[a-z])'s\b")
MAX_BARE_WORDS = 6  # a typed answer to one step, not a report


class ReportReader:
    def __init__(self, words: ReportWords) -> None:
        self._w = words
        terms = Terms()
        # Added most specific first: on equal length the first added wins.
        for term in words.ignore:
            terms.add(term, "ignore")
        for term in words.not_a_report:
            terms.add(term, "aside")
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
        for trigger, names in words.vague_triggers.items():
            for term in names:
                terms.add(term, "vague", trigger)
        for term in words.negations:
            terms.add(term, "negation")
        for kind, names in (("correction", words.corrections), ("other_day", words.other_days)):
            for term in names:
                terms.add(term, kind)
        for kind, names in (("fine", words.spasm["fine"]), ("activity", words.activities)):
            for term in names:
                terms.add(term, kind)
        for term in words.other_drinks:
            terms.add(term, "drink")
        for side, names in words.sides.items():
            for term in names:
                terms.add(term, "side", side)
        for term in words.other_side:
            terms.add(term, "side", "other")
        self._terms = terms
        spelled = sorted(words.spelling, key=len, reverse=True)
        self._spelling = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in spelled) or "(?!)")
        self._questions = [tuple(tokens_of(q)) for q in words.question_starts]
        self._people = frozenset(words.people)
        grammar = words.grammar
        nothing = "|".join(re.escape(w) for w in grammar.key_none)
        self._key_none = re.compile(rf"\b([a-z]+)\s*[=:]\s*(?:{nothing})\b(?![.,]\d)")
        self._subjects = frozenset(grammar.subjects)
        self._joiners = frozenset(grammar.joiners)
        self._self = frozenset(grammar.self_words)
        self._my = frozenset(grammar.my)
        self._list_joins = frozenset(grammar.list_joins)
        self._openers = [tuple(tokens_of(o)) for o in words.not_a_report_openers]
        self._aside_breaks = sorted((tuple(tokens_of(b)) for b in words.aside_breaks), key=len, reverse=True)
        # "stress level: 8", "how bad: 5/10": the key is all the words of an anchor
        keys = sorted({t for terms in words.words.values() for t in terms if " " in t}, key=len, reverse=True)
        self._key_value = re.compile(
            r"\b(" + "".join(f"{re.escape(k)}|" for k in keys) + r"[a-z]+)\s*[=:]\s*"
        )
        self._figures = Figures(words)
        self._sides = SideReader(words)
        self._days = DayReader(words)
        breaks = sorted(words.clause_breaks, key=len, reverse=True)
        # A full stop ends a clause, a decimal point does not ("6.5h").
        self._clause_split = re.compile("|".join(clause_break(b) for b in breaks))

    def read(self, text: str) -> Report:
        found = Found()
        clauses: list[tuple[list[str], list[Hit]]] = []
        for sentence in sentences(LABEL_ASKED.sub(r"\1\2: ", fold_accents(text[:MAX_TEXT].lower()))):
            if not LABEL.match(sentence) and self._is_question(sentence):
                continue
            for clause in self._clause_split.split(self._respell(sentence)):
                tokens = tokens_of(clause)
                if tokens and not self._someone_else(tokens):
                    clauses += self._own_parts(tokens)
        days = [self._day(tokens) for tokens, _ in clauses]
        leading = [self._days.leading_day(tokens) for tokens, _ in clauses]
        day = day_of(clauses, days, leading)
        # "stressed yesterday but calm today": of another day's clause only its likely triggers
        # count ("wine yesterday"), unless it speaks of the spasms too ("since last week my cheek...")
        other_day = [
            (any(h.kind == "other_day" for h in hits) or (isinstance(said, DayRef) and said.kind != "future"))
            and not any(h.kind in ("spasm", "location") for h in hits)
            for (_, hits), said in zip(clauses, days, strict=True)
        ]
        if not all(other_day):
            clauses = [
                (tokens, hits if not other else [h for h in hits if h.kind in ("trigger", "vague", "drink")])
                for (tokens, hits), other in zip(clauses, other_day, strict=True)
            ]
        found.corrected = any(h.kind == "correction" for _, hits in clauses for h in hits)
        # A strength or a length belongs to the spasms when the message speaks of any, unless its
        # own clause is about something else ("on my laptop all day").
        spasm_said = any(h.kind in ("spasm", "location") for _, hits in clauses for h in hits)
        previous: list[Hit] = []
        for number, (tokens, hits) in enumerate(clauses):
            own = any(h.kind in ("spasm", "location") for h in hits)
            other = any(is_activity(h) for h in hits)
            after_sleep = not own and any(h.kind == "trigger" and h.value == "poor_sleep" for h in previous)
            clause = Clause(tokens, hits, own, other, own or (spasm_said and not other), after_sleep, number)
            self._read_clause(clause, found)
            previous = hits
        found.sides = resolve_floating(found.side_clauses)
        return replace(found.report(), day=day)

    def _day(self, tokens: list[str]) -> Day | None:
        """The clause's day; one still to come counts only for a clause about later ("will")."""
        day = self._days.day_in(tokens)
        if isinstance(day, DayRef) and day.kind == "future" and not self._days.speaks_of_later(tokens):
            return None  # "exam tomorrow so my eye twitches": the twitching is now
        return day

    def _respell(self, text: str) -> str:
        """Common shorthand spelled out, and "key=value" notes ("spasm=no sev=4") made clauses."""
        text = POSSESSIVE.sub("", self._spelling.sub(lambda m: self._w.spelling[m.group(0)], text))
        text = self._key_none.sub(r", no \1,", text)
        return self._key_value.sub(r", \1 ", text)

    def bare_scale(self, text: str) -> int | None:
        """A typed 0-10 answer: "7", "7/10", "seven", "7 out of 10"."""
        return self._figures.bare_scale(text)

    def bare_duration(self, text: str) -> int | None:
        """A typed length for the "how long" step: "1 min", "a few seconds", "about an hour"."""
        tokens = tokens_of(text[:MAX_TEXT].lower())
        if not tokens or len(tokens) > MAX_BARE_WORDS:
            return None
        found = Found()
        self._read_clause(Clause(tokens, self._hits(tokens), True, False, True, False, 0), found)
        return found.report().duration_minutes

    def bare_correction(self, text: str, *, own_figure_asked: bool = False) -> int | None:
        said = self._respell(fold_accents(text[:MAX_TEXT].lower()))
        return self._figures.bare_correction(said, own_figure_asked=own_figure_asked)

    def bare_hours(self, text: str) -> float | None:
        """Typed hours of sleep: "6.5", "7h", "seven and a half hours"."""
        return self._figures.bare_hours(text)

    def _is_question(self, sentence: str) -> bool:
        tokens = tokens_of(sentence)
        if any(tuple(tokens[: len(q)]) == q for q in self._questions):
            return True
        # "nose twitched for a few seconds??" is surprise, not a question
        return sentence.rstrip().endswith("?") and not SURPRISE.search(sentence)

    def _someone_else(self, tokens: list[str]) -> bool:
        """ "my sister gets spasms too", but not "my husband and I had wine"."""
        return (
            len(tokens) > 1
            and tokens[0] in self._my
            and tokens[1] in self._people
            and not self._self & set(tokens[2:])
        )

    def _own_parts(self, tokens: list[str]) -> list[tuple[list[str], list[Hit]]]:
        """The clause, less any part of it that is hearsay, a wish or a plan ("stress 8 because of
        the exam next week" keeps "stress 8")."""
        hits = self._hits(tokens)
        if not any(h.kind == "aside" for h in hits) and not self._opens_aside(tokens):
            whole = self._parts(tokens)
            if len(whole) == 1 or not any(self._opens_aside(part) for part in whole):
                return [(tokens, hits)]
        kept = []
        for part in self._parts(tokens):
            part_hits = self._hits(part)
            if any(h.kind == "aside" for h in part_hits) or self._opens_aside(part):
                break  # the rest of the clause is what was said, hoped or planned
            kept.append((part, part_hits))
        return kept

    def _parts(self, tokens: list[str]) -> list[list[str]]:
        parts: list[list[str]] = [[]]
        i = 0
        while i < len(tokens):
            brk = next((b for b in self._aside_breaks if tuple(tokens[i : i + len(b)]) == b), None)
            if brk is not None and parts[-1]:
                parts.append([])
            parts[-1] += tokens[i : i + len(brk or (0,))]
            i += len(brk or (0,))
        return [p for p in parts if p]

    def _opens_aside(self, part: list[str]) -> bool:
        """A part that opens with a wish or plan, after any joining word ("so I'll cut coffee")."""
        start = 1 if part[0] in self._joiners else 0
        while start < len(part) and part[start] in self._subjects:  # "I'm going to try..."
            start += 1
        return any(tuple(part[start : start + len(o)]) == o for o in self._openers)

    def _read_clause(self, clause: Clause, found: Found) -> None:
        hits = clause.hits
        used: set[int] = {i for h in hits for i in range(h.start, h.end)}
        negations = self._negations(hits, clause.tokens)
        spasm = any(h.kind == "spasm" and not n for h, n in zip(hits, negations, strict=True))
        # "eye is fine today": the place is named to say it was calm
        calm = not spasm and any(h.kind == "fine" for h in hits) and any(h.kind == "location" for h in hits)
        # "drank" is alcohol unless another drink is named: anywhere ("water"), or just after it ("coffees")
        water = any(h.kind == "drink" for h in hits)
        caffeine = [h.start for h in hits if (h.kind, h.value) == ("trigger", "caffeine")]
        found.none = found.none or calm
        for hit, negated in zip(hits, negations, strict=True):
            if hit.kind == "none":
                found.none = True
            elif hit.kind == "spasm":
                if negated:
                    found.none = True
                else:
                    found.spasm = True
            elif hit.kind == "location" and not negated:
                (found.calm_places if calm else found.locations).add(str(hit.value))
            elif hit.kind == "vague" and not negated:
                if not water and not any(0 <= at - hit.end <= 3 for at in caffeine):
                    found.triggers.add(str(hit.value))
            elif hit.kind == "trigger" and not negated:
                found.triggers.add(str(hit.value))
            elif hit.kind == "stress":
                level = 0 if negated else int(hit.value)
                found.stress_words.append(level)
            elif hit.kind == "severity" and not negated and clause.spasm_context:
                found.severity_words.append(int(hit.value))
            elif (
                hit.kind == "duration"
                and clause.spasm_context
                and not clause.activity_owns(hit.start, hit.end)
            ):
                found.add_duration(clause, hit.start, int(hit.value))
        self._figures.read_numbers(clause, used, found)
        named = set() if calm else found.locations  # a calm place's side is not a spasm's
        found.side_clauses.append(self._sides.clause(clause.tokens, hits, named))

    def _hits(self, tokens: list[str]) -> list[Hit]:
        hits: list[Hit] = []
        i = 0
        while i < len(tokens):
            hit = self._terms.longest_at(tokens, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _negations(self, hits: list[Hit], tokens: list[str]) -> list[bool]:
        """Per hit: after a negation within the window, or listed right after a negated item of
        its kind ("no tea or coffee"). One pass, so a long list costs no more than its length."""
        window = self._w.negation_window
        flags: list[bool] = []
        last_end = -(10**9)
        previous: dict[str, tuple[int, bool]] = {}  # kind -> (end, negated) of its latest hit
        for hit in hits:
            negated = 0 <= hit.start - last_end < window
            before = previous.get(hit.kind)
            if (
                not negated
                and before is not None
                and hit.start > 0
                and tokens[hit.start - 1] in self._list_joins
            ):
                negated = before[1] and before[0] == hit.start - 1
            if hit.kind == "negation":
                last_end = hit.end
            previous[hit.kind] = (hit.end, negated)
            flags.append(negated)
        return flags
