"""The wording of check-ins and of safety messages."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator

from bot.content.wording import Plural, Slots, Text, Wording, exact_keys
from bot.domain.vocab import CARE_REASONS, DURATIONS, LOCATIONS, REDFLAG_BUTTONS, SIDES, TRIGGERS


class CheckinText(Wording):
    scheduled_intro: Text
    ask_spasm: Text
    morning_intro: Text
    ask_spasm_morning: Text
    log_intro: Text
    ask_locations: Text
    another_day: Text
    ask_day: Text
    day_today: Text
    day_yesterday: Text
    day_button: Annotated[Text, Slots("weekday", "day")]
    day_line: Annotated[Text, Slots("day")]
    day_taken: Text
    day_future: Text
    seen_day: Annotated[Text, Slots("day")]
    ask_sides: Annotated[Text, Slots("places")]
    skip: Text
    side_choice: Annotated[Text, Slots("place", "side")]
    place_side: Annotated[Text, Slots("place", "side")]
    ask_severity: Text
    ask_duration: Text
    ask_stress: Text
    ask_triggers: Text
    ask_day_held: Text
    pick_a_location: Text
    yes: Text
    no: Text
    later: Text
    snooze_ask: Text
    snooze_1h: Text
    snooze_3h: Text
    snooze_tomorrow: Text
    snoozed: Annotated[Text, Slots("time")]
    snoozed_tomorrow: Text
    snooze_once: Text
    followup_intro: Text
    done: Text
    back: Text
    saved_title: Annotated[Text, Slots("date")]
    line_spasm: Annotated[Text, Slots("duration", "locations", "severity")]
    line_no_spasm: Text
    line_stress: Annotated[Text, Slots("stress")]
    line_triggers: Annotated[Text, Slots("triggers")]
    line_no_triggers: Text
    line_note: Annotated[Text, Slots("note")]
    line_redflags: Annotated[Text, Slots("flags")]
    note_prompt: Text
    add_note: Text
    note_ask: Text
    note_empty: Text
    note_too_long: Annotated[Text, Slots("limit")]
    note_saved: Annotated[Text, Slots("date")]
    correct: Text
    correct_title: Text
    field_spasm: Text
    field_stress: Text
    field_triggers: Text
    field_sleep: Text
    field_where: Text
    field_strength: Text
    field_duration: Text
    field_redflags: Text
    value_none: Text
    value_unset: Text
    change_title: Annotated[Text, Slots("date")]
    change_line: Annotated[Text, Slots("field", "old", "new")]
    no_change: Text
    ask_sleep: Text
    sleep_none: Text
    in_progress: Text
    stale: Text
    number_hint: Text
    use_buttons: Text
    tips_title: Text
    tip_line: Annotated[Text, Slots("source", "text")]
    understood_title: Text
    seen_spasm: Text
    seen_where: Annotated[Text, Slots("locations")]
    seen_strength: Annotated[Text, Slots("severity")]
    seen_duration: Annotated[Text, Slots("duration")]
    line_sleep: Annotated[Text, Slots("hours")]
    review_ask: Text
    save: Text
    edit: Text
    minutes: Annotated[Text, Slots("count")]
    hours: Annotated[Text, Slots("count")]
    days: Annotated[Plural, Slots("count")]
    about_a_minute: Text
    duration_unknown: Text  # a spasm whose length was never given
    locations: dict[str, Text]
    durations: dict[str, Text]
    triggers: dict[str, Text]
    side_buttons: dict[str, Text]
    side_names: dict[str, Text]

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
    if_it_happens: Annotated[Text, Slots("number")]
    emergency: Annotated[Text, Slots("number", "reasons")]
    still_urgent: Annotated[Text, Slots("number")]
    urgent: Annotated[Text, Slots("number", "reasons")]
    prompt_care: Annotated[Text, Slots("reasons")]
    ask_redflags: Text
    none_of_these: Text
    and_word: Text
    reasons: dict[str, Text]
    buttons: dict[str, Text]
    urgent_reasons: dict[str, Text]

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
