"""The words the free-text reader knows (content/<language>/reports.toml, checked at load) and how text is
cut into them."""

from __future__ import annotations

import re
import unicodedata

from bot.language.normalise import ZERO_WIDTH

STRESS_TRIGGER_FROM = 6  # a stress level this high counts as the "stress" trigger
POOR_SLEEP_UNDER = 6.0  # fewer hours than this count as "poor sleep"
MAX_TEXT = 4096  # Telegram's own limit; longer text is read up to here
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "~": " "})
# A dash between numbers is a token of its own, for ranges: "5-6 hours".
TOKEN = re.compile(r"\d+(?:[.,]\d+)?|(?<=\d)-(?=\s*\d)|[a-z]+(?:['-][a-z]+)*|/")
# "5h", "20min", "stress7": a number glued to a word is two tokens.
GLUED = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")
FILLERS = frozenset({"about", "around", "only", "just", "like", "maybe", "approx", "roughly", "for", "of",
                     "a", "an", "was", "is", "at", "level", "lvl", "=", "been", "got", "get", "nearly",
                     "almost", "barely", "under", "over", "max", "total", "probably", ":",
                     "approximately", "circa", "some", "solid", "good", "decent", "full", "whole", "ish",
                     "or", "so", "actually", "really", "went", "up", "to", "rose", "reached", "hit",
                     "down", "dropped", "now", "today", "still", "more"})  # fmt: skip


def tokens_of(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).translate(QUOTES).lower()
    return TOKEN.findall(GLUED.sub(" ", text))
