"""What frames a whole message: a joke ("lol"), or a settled account (a vet, a check that found
nothing, "it was just a cough"). A joke frames every clause; a settled account frames only the
text before the first later sign that something new happened ("tonight she collapsed")."""

from __future__ import annotations

import re

from bot.content.safety import SafetyRules


class Frames:
    def __init__(self, rules: SafetyRules) -> None:
        self._jokes = [re.compile(p) for p in rules.jokes]
        self._settled = [re.compile(p) for p in rules.settled]
        self._unless = [re.compile(p) for p in rules.jokes_unless]
        self._news = re.compile("|".join(f"(?:{p})" for p in rules.settled_unless) or "(?!)")

    def reach(self, normal: str) -> int:
        """How far from the start the frames cover: the whole text for a joke, up to the first
        sign of something new after a settled account, 0 when nothing frames it."""
        if any(j.search(normal) for j in self._jokes):
            return len(normal)
        ends = [m.end() for s in self._settled if (m := s.search(normal))]
        if not ends:
            return 0
        news = self._news.search(normal, min(ends))
        return news.start() if news else len(normal)

    def whole(self, normal: str) -> bool:
        """Framed to the end, and nowhere says it is happening right now (the model's check)."""
        return not self.excepted(normal) and self.reach(normal) >= len(normal)

    def excepted(self, clause: str) -> bool:
        """A framed clause is still a report when it says it is happening right now."""
        return any(u.search(clause) for u in self._unless)
