"""The small words a language's free-text reader turns on ([grammar] in
content/<language>/reports.toml): which word joins a list, leads a day, opens someone else's story.
They are content, so a new language needs no change to the reader."""

from __future__ import annotations

from pydantic import model_validator

from bot.content.wording import Strict


class Grammar(Strict):
    key_none: list[str]  # "spasm: no", "caffeine=none": the key is absent
    subjects: list[str]  # "I'm going to try...": skipped before a plan
    joiners: list[str]  # "so I'll cut coffee": a joining word before a plan
    self_words: list[str]  # "my husband and I had wine" is about the writer too
    my: list[str]  # "my sister gets spasms": someone else's, before a person
    list_joins: list[str]  # "no coffee or wine": a negation reaches across these
    side_joins: list[str]  # "l+r eyes", "left and right cheek"
    also: list[str]  # "left eye as well": still only places
    side_letters: list[str]  # "L eye", "eye (L)": a lone letter is a side only next to a place
    before_side: list[str]  # "on the left": a side word after these is a side
    after_side: list[str]  # "left side", "the right one"
    day_leads: list[str]  # "so yesterday ...": a day after these still opens the clause
    number_fillers: list[str]  # "stress was about 7": words between a key and its number
    period_days: dict[str, int]  # "2 days ago", "3 weeks ago": days in each
    one: list[str]  # "a day ago": one before a period
    date_of: list[str]  # "5th of December"
    date_leads: list[str]  # "the 3rd", "on 30/11": a bare day of the month after these
    lasted: list[str]  # "for 2 days before it stopped": a length, not a day
    anchor_skip: list[str]  # "7 out of the 10": skipped before a figure's key
    range_joins: list[str]  # "2-3 hours", "6 or 7 hours": the larger figure
    articles: list[str]  # "a day", "an hour": one only before a unit
    and_a_half: list[str]  # "7 and a half"

    @model_validator(mode="after")
    def _filled(self) -> Grammar:
        lists = {name: value for name, value in self if isinstance(value, list)}
        empty = [name for name, value in lists.items() if not value or any(not w.strip() for w in value)]
        if empty or not self.period_days:
            raise ValueError(f"reports.grammar: every list needs words: {empty or ['period_days']}")
        return self
