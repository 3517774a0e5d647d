"""The words of /treatment: injections and the cycle each starts."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator

from bot.content.wording import Plural, Slots, Wording, exact_keys
from bot.domain.vocab import SIDE_EFFECTS


class TreatmentText(Wording):
    none_yet: str
    last_injection: Annotated[str, Slots("day", "cycle_day", "week")]
    wearing_off_since: Annotated[str, Slots("day")]
    pattern_intro: Annotated[str, Slots("count")]
    pattern_onset: Annotated[str, Slots("day")]
    pattern_best: Annotated[str, Slots("week")]
    pattern_wear_off: Annotated[str, Slots("week")]
    add_injection: str
    wearing_off: str
    ask_day: str
    weeks_ago: Annotated[Plural, Slots("count")]
    confirm: Annotated[str, Slots("day")]
    where_line: Annotated[str, Slots("where")]
    report_where: Annotated[str, Slots("where")]
    save: str
    cancel: str
    saved: Annotated[str, Slots("day")]
    cancelled: str
    future: str
    same_day: Annotated[str, Slots("day")]
    wearing_off_saved: Annotated[str, Slots("day", "week")]
    wearing_off_already: Annotated[str, Slots("day")]
    no_injection: str
    stale: str
    cycle_line: Annotated[str, Slots("day", "week")]
    ask_started: str
    started_yes: str
    started_no: str
    ask_effect: str
    effect_0: str
    effect_1: str
    effect_2: str
    effect_3: str
    effect_4: str
    started_saved: Annotated[str, Slots("day")]
    not_yet_saved: str
    effect_saved: Annotated[str, Slots("label")]
    cycle_answered: str
    cycle_stale: str
    draft_injection: Annotated[str, Slots("day", "dose")]
    draft_medicine: Annotated[str, Slots("name", "day", "dose")]
    draft_dose: Annotated[str, Slots("name", "day", "dose")]
    draft_stop: Annotated[str, Slots("name", "day")]
    draft_surgery: Annotated[str, Slots("name", "day")]
    draft_ask: str
    dose_part: Annotated[str, Slots("dose", "unit")]
    dose_unreadable: str
    not_found: Annotated[str, Slots("name")]
    stop_before_start: Annotated[str, Slots("name", "day", "started")]
    draft_saved: str
    draft_gone: str
    medicines_title: str
    medicine_line: Annotated[str, Slots("name", "dose", "since")]
    surgery_line: Annotated[str, Slots("name", "day")]
    typed_hint: str
    injection_not_from_report: str
    day_unclear: str
    side_effects: dict[str, str]
    draft_side_effect: Annotated[str, Slots("effects", "day", "injected")]
    tell_clinic: str
    side_effect_saved: Annotated[str, Slots("effects")]
    no_injection_for_effect: str
    report_side_effect: str
    side_effects_line: Annotated[str, Slots("effects")]
    report_heading: str
    report_cycle: Annotated[str, Slots("day", "dose", "until")]
    report_current: str
    report_said: str
    report_from_diary: str
    report_no_signal: str
    report_no_relief: str
    report_side_effects: Annotated[str, Slots("effects")]
    report_ratings: Annotated[str, Slots("ratings")]
    report_medicine: Annotated[str, Slots("name", "dose", "since")]
    report_change: Annotated[str, Slots("dose", "day")]
    report_stopped: Annotated[str, Slots("day")]
    report_scores: Annotated[str, Slots("before", "after")]
    csv_filename: str
    csv_caption: str
    chart_title: str
    chart_x: str
    chart_y: str
    chart_caption: str
    ask_severity: str
    ask_frequency: str
    score_before_intro: str
    score_after_intro: str
    score_start_intro: str
    score_start_line: Annotated[str, Slots("day", "score")]
    report_start_score: Annotated[str, Slots("day", "score")]
    score_saved: Annotated[str, Slots("severity", "frequency")]
    score_change: Annotated[str, Slots("before", "after")]
    score_line: Annotated[str, Slots("before", "after")]
    score_pair: Annotated[str, Slots("severity", "frequency")]
    score_none: str
    booking_button: Annotated[str, Slots("weeks")]
    booking_off: str
    booking_menu: str
    booking_weeks: Annotated[Plural, Slots("count")]
    booking_set: Annotated[str, Slots("day")]
    booking_waiting: Annotated[str, Slots("weeks")]
    booking_cleared: str
    booking_reminder: str
    medicine_button: Annotated[str, Slots("time")]
    medicine_menu: str
    medicine_set: Annotated[str, Slots("time")]
    medicine_cleared: str
    medicine_reminder: Annotated[str, Slots("medicines")]
    medicine_none: str
    taken_button: Annotated[str, Slots("name")]
    taken_saved: Annotated[str, Slots("name")]
    recovery_ask: Annotated[str, Slots("weeks")]
    recovery_ok: str
    recovery_hearing: str
    recovery_weakness: str
    recovery_ok_saved: str
    recovery_tell_surgeon: str
    ask_side_effect: str

    @field_validator("side_effects")
    @classmethod
    def _every_side_effect(cls, value: dict[str, str]) -> dict[str, str]:
        return exact_keys(value, SIDE_EFFECTS, "treatment.side_effects")
