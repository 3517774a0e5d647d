"""Red-flag triage of free text: emergency, urgent (see a doctor soon) or none, with reasons."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from bot.content.safety import SafetyRules
from bot.content.triage_model import MODEL_REASON, TriageModel
from bot.language.normalise import Normaliser
from bot.language.prefilter import Gate, Gates
from bot.language.triage_frames import Frames
from bot.language.triage_model import Scorer
from bot.language.triage_negation import Negation
from bot.language.triage_parts import PERSONAL, Clause, CompiledPair, any_of
from bot.language.triage_result import Level, Triage, triage_result

__all__ = ["Level", "Triage", "Triager"]

# Signs an injection or the spasm itself may explain; never speech, swallowing or breathing.
EYE_AND_FACE = frozenset({"face_droop", "paralysis", "vision"})

# Bounds that keep one message's triage fast whatever it contains.
MAX_MATCHES = 200
MAX_SPAN = 8


class Triager:
    """Compiled rules; `triage()` is pure and safe to call on every message."""

    def __init__(
        self, rules: SafetyRules, model: TriageModel | None = None, rivals: Sequence[frozenset[str]] = ()
    ) -> None:  # rivals: the small words of each other language that has rules of its own
        self.rules = rules
        self._scorer = Scorer(model) if model is not None else None
        self.normaliser = Normaliser(rules, rivals)
        self._gates = Gates()  # ("flag" | "sign", id) and ("first" | "second", pair number)
        self._breaks = re.compile("|".join(f"(?:{p})" for p in rules.clause_breaks))
        self._uncertain = [re.compile(p) for p in rules.uncertain]
        self._negation = Negation(rules, self._uncertain)
        self._history = [re.compile(p) for p in rules.history]
        self._hypothetical = [re.compile(p) for p in rules.hypothetical]
        self._personal = re.compile(rules.personal or PERSONAL)
        self._recent = [re.compile(p) for p in rules.recent]
        self._blockers = [re.compile(p) for p in rules.mention_blockers]
        self._question_start = re.compile(rules.question_starts)
        self._question_words = [re.compile(p) for p in rules.question_words]
        self._flags = [
            (f.id, [re.compile(p) for p in f.now], [re.compile(p) for p in f.mention]) for f in rules.flags
        ]
        self._pairs: dict[str, list[CompiledPair]] = {}
        self._gates_of_pairs: list[tuple[str, str]] = []
        for pair in rules.pairs:
            compiled = CompiledPair(
                re.compile(pair.first), re.compile(pair.second), pair.window, pair.ordered,
                re.compile(pair.unless) if pair.unless else None, len(self._gates_of_pairs),
            )  # fmt: skip
            self._gates_of_pairs.append((pair.first, pair.second))
            self._pairs.setdefault(pair.flag, []).append(compiled)
        self._urgent = [(u.id, [re.compile(p) for p in u.patterns]) for u in rules.urgent]
        # Per flag and sign, one regex of all its phrases: a flag none of whose phrases (nor both
        # halves of one of its pairs) appear anywhere in the text is not looked at clause by clause.
        # Each has a gate of the pieces its matches begin with: most messages pass none of them.
        self._flag_any = {f.id: any_of(f.now + f.mention) for f in rules.flags}
        self._sign_any = {u.id: any_of(u.patterns) for u in rules.urgent}
        for f in rules.flags:
            self._gates.add(("flag", f.id), Gate(f.now + f.mention))
        for u in rules.urgent:
            self._gates.add(("sign", u.id), Gate(u.patterns))
        for number, (first, second) in enumerate(self._gates_of_pairs):
            self._gates.add(("first", number), Gate([first]))
            self._gates.add(("second", number), Gate([second]))
        halves = {(half, n) for n in range(len(self._gates_of_pairs)) for half in ("first", "second")}
        self._every_gate: set[object] = {("flag", f.id) for f in rules.flags} | halves
        self._every_gate |= {("sign", u.id) for u in rules.urgent}
        self._all_clear = [re.compile(p) for p in rules.all_clear]
        self._frames = Frames(rules)
        self._long_standing = [re.compile(p) for p in rules.long_standing]
        self._mimics = [re.compile(p) for p in rules.mimics]
        self._mimics_passed = [re.compile(p) for p in rules.mimics_passed]
        self._mimicked = set(rules.mimicked_flags)

    def normalise(self, text: str) -> str:
        return self.normaliser.pieces(text)[0]

    def triage(self, text: str) -> Triage:
        """The rules, then the learned model for what they did not name: it never takes a rule's
        emergency away, and overrules their "not happening" only when it is surer still."""
        normal, open_gates = self._open(text)
        reasons, urgent, named = self._by_rules(normal, open_gates)
        if self._scorer is None:
            return triage_result(reasons, urgent)
        scorer, model = self._scorer, self._scorer.model
        if reasons:
            return Triage("emergency", reasons, scorer.evidence(normal))
        # The model fires only on words that weigh for it, never on a command ("/help"), on small
        # words alone (an idiom blanked), or on a general question naming no red flag and no one.
        if scorer.probability(normal) < model.fire or normal.lstrip().startswith("/"):
            return triage_result((), urgent)
        if self._general_question(normal, named) or self._frames.whole(normal):
            return triage_result((), urgent)
        judged = normal
        if named or self._negation.deniable_in(normal):
            judged, named = self._undenied(normal, named)
        if self._negation.nothing_left(judged):
            return triage_result((), urgent)
        probability, evidence = scorer.score(judged)
        # Where the rules read the words already (a red flag not happening, or a sign for a
        # doctor soon), the model must be surer to call it an emergency.
        explained = bool(named) and set(named) <= EYE_AND_FACE and self._explained(normal)
        if (
            evidence
            and not self._negation.says_nothing(evidence, denied=judged != normal)
            and not explained
            and probability >= (model.overrule if named or urgent else model.fire)
        ):
            return Triage("emergency", named or (MODEL_REASON,), evidence)
        return triage_result((), urgent)

    def _explained(self, normal: str) -> bool:
        """An eye, face or speech sign the message itself puts down to the spasm or an injection."""
        return any(m.search(normal) for m in (*self._mimics_passed, *self._mimics))

    def _general_question(self, normal: str, named: tuple[str, ...]) -> bool:
        asked = normal.rstrip().endswith("?") or bool(self._question_start.search(normal))
        return asked and not named and not self._personal.search(normal)

    def _by_rules(self, normal: str, open_gates: set[object]) -> tuple[tuple[str, ...], ...]:
        """(red flags reported, urgent signs, red flags named) by the rules alone."""
        named = self._named(normal, open_gates)
        flags = [
            (flag_id, now, mention, self._pairs.get(flag_id, []))
            for flag_id, now, mention in self._flags
            if flag_id in named or self._pairs_say(normal, open_gates, flag_id)
        ]
        signs = [
            (i, p) for i, p in self._urgent if ("sign", i) in open_gates and self._sign_any[i].search(normal)
        ]
        if not flags and not signs:
            return (), (), named  # most messages: nothing to look at clause by clause
        clauses = self._clauses(
            normal, open_gates, [f for f, *_ in flags], [self._sign_any[i] for i, _ in signs]
        )
        reasons = [
            flag_id
            for flag_id, now, mention, pairs in flags
            if any(
                self._may_say(clause, open_gates, flag_id)
                and self._reported(clause, now, mention, pairs)
                and not (clause.mimicked and flag_id in self._mimicked)
                for clause in clauses
            )
        ]
        urgent = [
            sign_id
            for sign_id, patterns in signs
            if any(self._affirmed(clause, pattern) for clause in clauses for pattern in patterns)
        ]
        return tuple(reasons), tuple(urgent), named

    def names(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(red flags named, those not denied). Named, neither reported (a question, a worry, the past)
        nor denied ("no seizure"): a calm "if that happens" line, never the emergency reply."""
        normal, open_gates = self._open(text)
        named = self._named(normal, open_gates)
        return named, (self._undenied(normal, named)[1] if named else named)

    def _undenied(self, normal: str, named: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        return self._negation.undenied(normal, {f: self._flag_any[f] for f in named})

    def _named(self, normal: str, open_gates: set[object]) -> tuple[str, ...]:
        return tuple(
            f for f, _, _ in self._flags if ("flag", f) in open_gates and self._flag_any[f].search(normal)
        )

    def calm_line_due(self, text: str) -> bool:
        """Named but not happening: worth the calm line, unless only an eye or face sign the
        message puts down to the injection or the spasm (a side effect, not a worry)."""
        named = self.names(text)[1]
        return bool(named) and not (set(named) <= EYE_AND_FACE and self._explained(self.normalise(text)))

    def _open(self, text: str) -> tuple[str, set[object]]:
        """The normal form, and the gates its pieces pass (every one for a long text)."""
        normal, pieces = self.normaliser.pieces(text)
        return normal, self._gates.passing(pieces, self._every_gate)

    def _may_say(self, normal: str, open_gates: set[object], flag_id: str) -> bool:
        """Some phrase of the flag, or both halves of one of its pairs, appear in the text."""
        if ("flag", flag_id) in open_gates and self._flag_any[flag_id].search(normal):
            return True
        return self._pairs_say(normal, open_gates, flag_id)

    def _pairs_say(self, normal: str, open_gates: set[object], flag_id: str) -> bool:
        pairs = self._pairs.get(flag_id, [])
        gated = [p for p in pairs if ("first", p.number) in open_gates and ("second", p.number) in open_gates]
        return any(p.first.search(normal) and p.second.search(normal) for p in gated)

    def is_all_clear(self, text: str) -> bool:
        normal = self.normalise(text)
        return any(p.search(normal) for p in self._all_clear)

    def _clauses(
        self, normal: str, open_gates: set[object], flag_ids: list[str], signs: list[re.Pattern[str]]
    ) -> list[Clause]:
        """Each clause that may say one of these flags or signs, knowing whether it ended in a
        question mark and what the whole message says (the others are never looked at)."""
        reach = self._frames.reach(normal)
        passed = any(m.search(normal) for m in self._mimics_passed)
        clauses, start = [], 0
        for end in [*self._breaks.finditer(normal), None]:
            stop = end.start() if end else len(normal)
            text, start = normal[start:stop], end.end() if end else start
            if not text.strip():
                continue
            if any(self._may_say(text, open_gates, f) for f in flag_ids) or any(
                p.search(text) for p in signs
            ):
                asked = end is not None and end.group() == "?"
                clauses.append(self._clause(text, asked, stop <= reach, passed))
        return clauses

    def _clause(self, text: str, asked: bool, framed: bool, passed: bool) -> Clause:
        """A clause with the facts every pattern check needs, worked out once."""
        clause = Clause(text)
        clause.uncertain = any(u.search(text) for u in self._uncertain)
        imagined = any(h.search(text) for h in self._history + self._hypothetical)
        clause.not_happening = (
            (imagined and not any(r.search(text) for r in self._recent))
            or (framed and not self._frames.excepted(text))
            or any(s.search(text) for s in self._long_standing)
        )
        asked = asked or bool(self._question_start.search(text))
        clause.question = asked and any(q.search(text) for q in self._question_words)
        clause.personal = bool(self._personal.search(text))
        clause.mimicked = passed or any(m.search(text) for m in self._mimics)
        return clause

    def _reported(
        self,
        clause: Clause,
        now: list[re.Pattern[str]],
        mention: list[re.Pattern[str]],
        pairs: list[CompiledPair],
    ) -> bool:
        """Does this clause report the flag happening, rather than ask, remember or imagine it?"""
        if clause.not_happening:
            return False
        question = clause.question
        if not (question and not clause.personal) and (
            any(self._affirmed(clause, p) for p in now)
            or any(self._pair_affirmed(clause, pair) for pair in pairs)
        ):
            return True
        if not any(self._affirmed(clause, p) for p in mention):
            return False
        return not (question or any(b.search(clause) for b in self._blockers))

    def _pair_affirmed(self, clause: Clause, pair: CompiledPair) -> bool:
        if pair.unless is not None and self._affirmed(clause, pair.unless):
            return False
        starts = [m.start() for m in re.finditer(r"\S+", clause)]

        def span(m: re.Match[str]) -> tuple[int, int, re.Match[str]]:
            """First and last word index of a match."""
            return bisect_right(starts, m.start()) - 1, bisect_right(starts, m.end() - 1) - 1, m

        firsts = [span(m) for m in pair.first.finditer(clause)][:MAX_MATCHES]
        seconds = sorted((span(m) for m in pair.second.finditer(clause)), key=lambda t: t[0])[:MAX_MATCHES]
        second_starts = [b[0] for b in seconds]
        uncertain = clause.uncertain
        for a_first, a_last, a in firsts:
            # Only seconds starting near this first are looked at, so long texts stay fast.
            lo = 0 if pair.ordered else bisect_right(second_starts, a_first - pair.window - MAX_SPAN - 1)
            for b_first, b_last, b in seconds[lo:]:
                if b_first > a_last + pair.window + 1:
                    break
                after = b_first > a_last
                gap = b_first - a_last - 1 if after else a_first - b_last - 1
                if (pair.ordered and not after) or gap < 0 or gap > pair.window:
                    continue
                start, end = (a.start(), b.end()) if after else (b.start(), a.end())
                between = clause[a.end() : b.start()] if after else clause[b.end() : a.start()]
                negated = self._negation.negated(clause, start, end) or self._negation.has_cue(
                    between.split()
                )
                if uncertain or not negated:
                    return True
        return False

    def _affirmed(self, clause: Clause, pattern: re.Pattern[str]) -> bool:
        """Some match of the pattern in this clause is not negated."""
        uncertain = clause.uncertain
        for match in pattern.finditer(clause):
            # "not breathing" says the bad thing itself: an earlier "no" does not undo it.
            negative = self._negation.has_cue(match.group(0).split())
            if uncertain or negative or not self._negation.negated(clause, match.start(), match.end()):
                return True
        return False
