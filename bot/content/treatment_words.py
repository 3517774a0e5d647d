"""content/<language>/treatments.toml: the words that make a typed line a treatment ("had my botox today",
"started clonazepam 0.5 mg yesterday", "upped baclofen to 20 mg", "stopped gabapentin")."""

from __future__ import annotations

from pydantic import field_validator

from bot.content.wording import Strict, exact_keys
from bot.domain.vocab import SIDE_EFFECTS


class TreatmentWords(Strict):
    injection_words: list[str]  # botox, injection, jab...: any of them after a "had" verb
    had_verbs: list[str]  # had, got, received, injected
    surgery_words: list[str]
    medicines: list[str]  # names known in advance; any other name after a start verb is kept as typed
    start_verbs: list[str]
    change_verbs: list[str]
    stop_verbs: list[str]
    dose_units: list[str]
    not_a_name: list[str]  # words after "started" that are not a medicine ("started to", "started again")
    question_starts: list[str]  # a line opening like this asks, it does not tell
    vague_days: list[str]  # "last week", "2 months ago": a day meant, but not which (month names too)
    side_effects: dict[str, list[str]]  # per side effect id, the phrases that name it
    ruled_out: list[str]  # "wearing off", "next", "booked": about an injection, not one had

    @field_validator("*")
    @classmethod
    def _lower_and_filled(cls, value: list[str] | dict[str, list[str]]) -> list[str] | dict[str, list[str]]:
        for words in value.values() if isinstance(value, dict) else [value]:
            if not words or any(not w.strip() or w != w.lower() for w in words):
                raise ValueError("lists of lower-case words, none empty")
        return value

    @field_validator("side_effects")
    @classmethod
    def _every_side_effect(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        exact_keys({k: "" for k in value}, SIDE_EFFECTS, "side_effects")
        return value
