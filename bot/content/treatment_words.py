"""content/treatments.toml: the words that make a typed line a treatment ("had my botox today",
"started clonazepam 0.5 mg yesterday", "upped baclofen to 20 mg", "stopped gabapentin")."""

from __future__ import annotations

from pydantic import field_validator

from bot.content.wording import Strict


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
    ruled_out: list[str]  # "wearing off", "next", "booked": about an injection, not one had

    @field_validator("*")
    @classmethod
    def _lower_and_filled(cls, value: list[str]) -> list[str]:
        if not value or any(not w.strip() or w != w.lower() for w in value):
            raise ValueError("lists of lower-case words, none empty")
        return value
