"""The pieces triage works with: a clause and what is known of it, a compiled pair of phrases, and
who a clause is about."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Someone in particular (or oneself, the subject left out): a question that names them is a
# report, not a quiz.
PERSONAL = (
    r"\b(i|me|my|mine|myself|he|his|him|she|her|they|their|we|our|us|son|daughter|husband|wife"
    r"|mum|mom|dad|partner|baby|child|kid|grandma|grandpa|friend)\b"
    r"|^\s*(cant|can't|cannot|couldnt|couldn't|unable|struggling)\b"  # "cant swallow since botox"
)


class Clause(str):
    """Clause text, and what every check of it needs (set once by Triager._clause)."""

    uncertain: bool
    not_happening: bool
    question: bool
    personal: bool
    mimicked: bool  # a face, eye or speech sign here is the spasm's own (or the dentist's)


@dataclass(frozen=True)
class CompiledPair:
    first: re.Pattern[str]
    second: re.Pattern[str]
    window: int
    ordered: bool
    unless: re.Pattern[str] | None
    number: int


def any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")
