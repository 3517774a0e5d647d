"""The words the free-text reader knows (content/<language>/reports.toml, checked at load) and how text is
cut into them."""

from __future__ import annotations

import re
import unicodedata

from bot.language.normalise import ZERO_WIDTH
from bot.language.rewrites import fold_accents

STRESS_TRIGGER_FROM = 6  # a stress level this high counts as the "stress" trigger
POOR_SLEEP_UNDER = 6.0  # fewer hours than this count as "poor sleep"
MAX_TEXT = 4096  # Telegram's own limit; longer text is read up to here
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "~": " "})
# A dash between numbers is a token of its own, for ranges: "5-6 hours".
TOKEN = re.compile(r"\d+(?:[.,]\d+)?|(?<=\d)-(?=\s*\d)|[a-z]+(?:['-][a-z]+)*|/")
# "5h", "20min", "stress7": a number glued to a word is two tokens.
GLUED = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")


def tokens_of(text: str) -> list[str]:
    text = fold_accents(unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).translate(QUOTES).lower())
    return TOKEN.findall(GLUED.sub(" ", text))


def clause_break(mark: str) -> str:
    """A full stop or comma ends a clause; a decimal point or comma does not ("6.5h", "7,5 hrs")."""
    if mark in (".", ","):
        return rf"(?<!\d){re.escape(mark)}|{re.escape(mark)}(?!\d)"
    return re.escape(mark)


def sentences(text: str) -> list[str]:
    """Sentences with their end mark kept, so a question can be told by its "?"."""
    return [s for s in re.split(r"(?<=[!?\n])(?![!?])\s*|(?<=\.)(?!\d)\s*", text) if s.strip()]
