"""The wording of check-ins and of safety messages."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator

from bot.content.wording import Plural, Slots, Wording, exact_keys
from bot.domain.vocab import CARE_REASONS, DURATIONS, LOCATIONS, REDFLAG_BUTTONS, SIDES, TRIGGERS


class CheckinText(Wording):
    scheduled_intro: str
    ask_spasm: str
    log_intro: str
    ask_locations: str
    another_day: str
    ask_day: str
    day_today: str
    day_yesterday: str
    day_button: Annotated[str, Slots("weekday", "day")]
    day_line: Annotated[str, Slots("day")]
    day_taken: str
    day_future: str
    seen_day: Annotated[str, Slots("day")]
    ask_sides: Annotated[str, Slots("places")]
    skip: str
    side_choice: Annotated[str, Slots("place", "side")]
    place_side: Annotated[str, Slots("place", "side")]
    ask_severity: str
    ask_duration: str
    ask_stress: str
    ask_triggers: str
    ask_day_held: str
    pick_a_location: str
    yes: str
    no: str
    later: str
    snooze_ask: str
    snooze_1h: str
    snooze_3h: str
    snooze_tomorrow: str
    snoozed: Annotated[str, Slots("time")]
    snoozed_tomorrow: str
    snooze_once: str
    followup_intro: str
    done: str
    back: str
    saved_title: Annotated[str, Slots("date")]
    line_spasm: Annotated[str, Slots("duration", "locations", "severity")]
    line_no_spasm: str
    line_stress: Annotated[str, Slots("stress")]
    line_triggers: Annotated[str, Slots("triggers")]
    line_no_triggers: str
    line_note: Annotated[str, Slots("note")]
    line_redflags: Annotated[str, Slots("flags")]
    note_prompt: str
    add_note: str
    note_ask: str
    note_empty: str
    note_too_long: Annotated[str, Slots("limit")]
    note_saved: Annotated[str, Slots("date")]
    correct: str
    correct_title: str
    field_spasm: str
    field_stress: str
    field_triggers: str
    field_sleep: str
    field_where: str
    field_strength: str
    field_duration: str
    field_redflags: str
    value_none: str
    value_unset: str
    change_title: Annotated[str, Slots("date")]
    change_line: Annotated[str, Slots("field", "old", "new")]
    no_change: str
    ask_sleep: str
    sleep_none: str
    in_progress: str
    stale: str
    number_hint: str
    use_buttons: str
    tips_title: str
    tip_line: Annotated[str, Slots("source", "text")]
    understood_title: str
    seen_spasm: str
    seen_where: Annotated[str, Slots("locations")]
    seen_strength: Annotated[str, Slots("severity")]
    seen_duration: Annotated[str, Slots("duration")]
    line_sleep: Annotated[str, Slots("hours")]
    review_ask: str
    save: str
    edit: str
    minutes: Annotated[str, Slots("count")]
    hours: Annotated[str, Slots("count")]
    days: Annotated[Plural, Slots("count")]
    about_a_minute: str
    locations: dict[str, str]
    durations: dict[str, str]
    triggers: dict[str, str]
    side_buttons: dict[str, str]
    side_names: dict[str, str]

    @field_validator("locations")
    @classmethod
    def _locations(cls, v: dict[str, str]) -> dict[str, str]:
        return exact_keys(v, LOCATIONS, "checkin.locations")

    @field_validator("durations")
    @classmethod
    def _durations(cls, v: dict[str, str]) -> dict[str, str]:
        return exact_keys(v, DURATIONS, "checkin.durations")

    @field_validator("side_buttons", "side_names")
    @classmethod
    def _sides(cls, v: dict[str, str]) -> dict[str, str]:
        return exact_keys(v, SIDES, "checkin sides")

    @field_validator("triggers")
    @classmethod
    def _triggers(cls, v: dict[str, str]) -> dict[str, str]:
        return exact_keys(v, TRIGGERS, "checkin.triggers")


class SafetyText(Wording):
    if_it_happens: Annotated[str, Slots("number")]
    emergency: Annotated[str, Slots("number", "reasons")]
    still_urgent: Annotated[str, Slots("number")]
    urgent: Annotated[str, Slots("number", "reasons")]
    prompt_care: Annotated[str, Slots("reasons")]
    ask_redflags: str
    none_of_these: str
    and_word: str
    reasons: dict[str, str]
    buttons: dict[str, str]
    urgent_reasons: dict[str, str]

    @field_validator("buttons")
    @classmethod
    def _buttons(cls, v: dict[str, str]) -> dict[str, str]:
        return exact_keys(v, REDFLAG_BUTTONS, "safety.buttons")

    @field_validator("urgent_reasons")
    @classmethod
    def _care(cls, v: dict[str, str]) -> dict[str, str]:
        missing = set(CARE_REASONS) - set(v)
        if missing:
            raise ValueError(f"safety.urgent_reasons: missing {sorted(missing)}")
        return v
