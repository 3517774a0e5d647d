"""Greetings and thanks, told apart from everything else so they get a friendly answer."""

from __future__ import annotations

from typing import Literal

from bot.content.reports import ReportWords
from bot.language.report_words import tokens_of

Talk = Literal["greeting", "thanks"]
ButtonWord = Literal["yes", "no", "skip", "cancel", "save"]


class SmallTalk:
    def __init__(self, words: ReportWords) -> None:
        self._greetings = {tuple(tokens_of(w)) for w in words.greetings}
        self._thanks = {tuple(tokens_of(w)) for w in words.thanks}
        self._filler = frozenset(words.small_talk_filler)
        self._buttons: dict[str, ButtonWord] = {}
        for word, names in (("yes", words.button_yes), ("no", words.button_no), ("skip", words.button_skip),
                            ("cancel", words.button_cancel), ("save", words.button_save)):  # fmt: skip
            for name in names:
                self._buttons[" ".join(tokens_of(name))] = word  # type: ignore[assignment]

    def button_word(self, text: str) -> ButtonWord | None:
        """ "no", "nope", "skip", "cancel" typed on its own: a button's meaning, or None."""
        return self._buttons.get(" ".join(tokens_of(text)))

    def kind(self, text: str) -> Talk | None:
        """ "hi!", "good morning :)", "thanks a lot", "hi, thanks" - and nothing more than that."""
        tokens = tokens_of(text)
        if not tokens or len(tokens) > 8:
            return None
        phrases = sorted(
            [(p, "thanks") for p in self._thanks] + [(p, "greeting") for p in self._greetings],
            key=lambda item: len(item[0]),
            reverse=True,
        )
        found: set[str] = set()
        i = 0
        while i < len(tokens):
            match = next(((p, k) for p, k in phrases if tuple(tokens[i : i + len(p)]) == p), None)
            if match is None and tokens[i] in self._filler:
                i += 1
                continue
            if match is None:
                return None  # something else is said too: not small talk
            found.add(match[1])
            i += len(match[0])
        if not found:
            return None
        return "thanks" if "thanks" in found else "greeting"
