"""content/<language>/safety.toml: the red-flag rules triage reads, checked at load (patterns compile)."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator


@lru_cache(maxsize=16_384)  # content is checked on each load; the glossary alone has ~4,800 patterns
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class Flag(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    now: list[str]
    mention: list[str]


class UrgentSign(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    patterns: list[str]


class Pair(BaseModel):
    """Two ideas within `window` words of each other in one clause (in this order if `ordered`),
    unless the clause affirms `unless` (e.g. an eye shut *during a spasm* is the spasm itself)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    flag: str
    window: int
    first: str
    second: str
    ordered: bool = False
    unless: str | None = None


class GlossedLanguage(BaseModel):
    """One language of glossary.toml: its key phrases glossed into the rules' language, and its
    own small words, which tell it from a language with rules of its own (Portuguese "meu", "não"
    from Spanish "mi", "no"); a language of its own script needs none."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str
    name: str
    words: list[str] = []
    phrases: list[tuple[str, str]]

    @field_validator("phrases")
    @classmethod
    def _glosses_are_plain(cls, phrases: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for pattern, gloss in phrases:
            _regex(pattern)
            if "\\" in gloss:
                raise ValueError(f"glossary: {gloss!r} must be plain words (no group references)")
        return phrases


class SafetyRules(BaseModel):
    """content/<language>/safety.toml, checked at load: every pattern must compile."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # Words naming someone in particular (a question that names them is a report); "" for English's.
    personal: str = ""
    fold_accents: bool = False  # read "convulsión" as "convulsion": the patterns are written without
    function_words: list[str] = []  # small words of the language: a message with none is not in it
    rewrites: list[tuple[str, str]]
    # Key phrases of languages with no rules of their own, glossed into this one (glossary.toml):
    # written as people spell them, read with accents folded on both sides.
    glossary: list[GlossedLanguage] = []
    fuzzy_terms: list[str]
    fuzzy_keep: list[str]
    idioms: list[str]
    negations: list[str]
    negation_window: int
    clause_breaks: list[str]
    uncertain: list[str]
    after_negation: str
    history: list[str]
    hypothetical: list[str]
    recent: list[str]
    mention_blockers: list[str]
    question_starts: str
    question_words: list[str]
    flags: list[Flag]
    pairs: list[Pair]
    urgent: list[UrgentSign]
    all_clear: list[str]
    jokes: list[str] = []  # anywhere in a message: nothing in it is happening...
    settled: list[str] = []  # anywhere: a vet, a course, a doctor not worried; read as jokes are...
    jokes_unless: list[str] = []  # ...except a clause that says it is happening right now
    settled_unless: list[str] = []  # after a settled account, something new: it frames no further
    long_standing: list[str] = []  # a clause about a lasting condition, even with "now" in it
    mimics: list[str] = []  # a clause whose face, eye or speech sign the spasm (or the like) explains
    mimics_passed: list[str] = []  # anywhere in a message: the sign was brief and went back
    mimicked_flags: list[str] = []
    deniable: list[str] = []  # signs the model weighs that a denial ("no drooping") takes back
    filler_words: list[str] = []  # with the function words: left alone after a denial, they say nothing

    @field_validator(
        "idioms",
        "clause_breaks",
        "uncertain",
        "history",
        "hypothetical",
        "recent",
        "mention_blockers",
        "question_words",
        "all_clear",
        "jokes",
        "settled",
        "jokes_unless",
        "settled_unless",
        "long_standing",
        "mimics",
        "mimics_passed",
        "deniable",
    )
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            _regex(pattern)
        return patterns

    @field_validator("flags")
    @classmethod
    def _flag_patterns(cls, flags: list[Flag]) -> list[Flag]:
        for flag in flags:
            for pattern in flag.now + flag.mention:
                _regex(pattern)
        return flags

    @model_validator(mode="after")
    def _pairs_name_flags(self) -> SafetyRules:
        known = {f.id for f in self.flags}
        for pair in self.pairs:
            _regex(pair.first), _regex(pair.second), _regex(pair.unless or "")
            if pair.flag not in known:
                raise ValueError(f"pairs: unknown flag {pair.flag!r}")
        if set(self.mimicked_flags) - known:
            raise ValueError(f"mimicked_flags: unknown {sorted(set(self.mimicked_flags) - known)}")
        return self


GLOSSARY = "glossary.toml"  # beside safety.toml: other languages' key phrases, glossed


def read_rules(path: Path) -> SafetyRules:
    """safety.toml, with the glossary beside it (if any) folded in."""
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    glossary = path.with_name(GLOSSARY)
    if glossary.is_file():
        languages = tomllib.loads(glossary.read_text(encoding="utf-8")).get("languages", [])
        data["glossary"] = languages
    return SafetyRules.model_validate(data)
