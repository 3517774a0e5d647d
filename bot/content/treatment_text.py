"""The words of /treatment: injections and the cycle each starts."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator

from bot.content.wording import Plural, Slots, Text, Wording, exact_keys
from bot.domain.vocab import SIDE_EFFECTS


class TreatmentText(Wording):
    none_yet: Text
    last_injection: Annotated[Text, Slots("day", "cycle_day", "week")]
    wearing_off_since: Annotated[Text, Slots("day")]
    pattern_intro: Annotated[Text, Slots("count")]
    pattern_onset: Annotated[Text, Slots("day")]
    pattern_best: Annotated[Text, Slots("week")]
    pattern_wear_off: Annotated[Text, Slots("week")]
    add_injection: Text
    wearing_off: Text
    ask_day: Text
    weeks_ago: Annotated[Plural, Slots("count")]
    confirm: Annotated[Text, Slots("day")]
    where_line: Annotated[Text, Slots("where")]
    report_where: Annotated[Text, Slots("where")]
    save: Text
    cancel: Text
    saved: Annotated[Text, Slots("day")]
    cancelled: Text
    future: Text
    same_day: Annotated[Text, Slots("day")]
    wearing_off_saved: Annotated[Text, Slots("day", "week")]
    wearing_off_already: Annotated[Text, Slots("day")]
    no_injection: Text
    stale: Text
    cycle_line: Annotated[Text, Slots("day", "week")]
    ask_started: Text
    started_yes: Text
    started_no: Text
    ask_effect: Text
    effect_0: Text
    effect_1: Text
    effect_2: Text
    effect_3: Text
    effect_4: Text
    started_saved: Annotated[Text, Slots("day")]
    not_yet_saved: Text
    effect_saved: Annotated[Text, Slots("label")]
    cycle_answered: Text
    cycle_stale: Text
    draft_injection: Annotated[Text, Slots("day", "dose")]
    draft_medicine: Annotated[Text, Slots("name", "day", "dose")]
    draft_dose: Annotated[Text, Slots("name", "day", "dose")]
    draft_stop: Annotated[Text, Slots("name", "day")]
    draft_surgery: Annotated[Text, Slots("name", "day")]
    draft_ask: Text
    dose_part: Annotated[Text, Slots("dose", "unit")]
    dose_unreadable: Text
    not_found: Annotated[Text, Slots("name")]
    stop_before_start: Annotated[Text, Slots("name", "day", "started")]
    draft_saved: Text
    draft_gone: Text
    medicines_title: Text
    medicine_line: Annotated[Text, Slots("name", "dose", "since")]
    surgery_line: Annotated[Text, Slots("name", "day")]
    typed_hint: Text
    injection_not_from_report: Text
    day_unclear: Text
    side_effects: dict[str, Text]
    draft_side_effect: Annotated[Text, Slots("effects", "day", "injected")]
    tell_clinic: Text
    side_effect_saved: Annotated[Text, Slots("effects")]
    no_injection_for_effect: Text
    report_side_effect: Text
    side_effects_line: Annotated[Text, Slots("effects")]
    report_heading: Text
    report_cycle: Annotated[Text, Slots("day", "dose", "until")]
    report_current: Text
    report_said: Text
    report_from_diary: Text
    report_no_signal: Text
    report_no_relief: Text
    report_side_effects: Annotated[Text, Slots("effects")]
    report_ratings: Annotated[Text, Slots("ratings")]
    report_medicine: Annotated[Text, Slots("name", "dose", "since")]
    report_change: Annotated[Text, Slots("dose", "day")]
    report_stopped: Annotated[Text, Slots("day")]
    report_scores: Annotated[Text, Slots("before", "after")]
    csv_filename: Text
    csv_header: Text  # the CSV's column names, comma-separated, in treatment_export.CSV_COLUMNS order
    csv_caption: Text
    chart_title: Text
    chart_x: Text
    chart_y: Text
    chart_caption: Text
    ask_severity: Text
    ask_frequency: Text
    score_before_intro: Text
    score_after_intro: Text
    score_start_intro: Text
    score_start_line: Annotated[Text, Slots("day", "score")]
    report_start_score: Annotated[Text, Slots("day", "score")]
    score_saved: Annotated[Text, Slots("severity", "frequency")]
    score_change: Annotated[Text, Slots("before", "after")]
    score_line: Annotated[Text, Slots("before", "after")]
    score_pair: Annotated[Text, Slots("severity", "frequency")]
    score_none: Text
    booking_button: Annotated[Text, Slots("weeks")]
    booking_off: Text
    booking_menu: Text
    booking_weeks: Annotated[Plural, Slots("count")]
    booking_set: Annotated[Text, Slots("day")]
    booking_waiting: Annotated[Text, Slots("weeks")]
    booking_cleared: Text
    booking_reminder: Text
    medicine_button: Annotated[Text, Slots("time")]
    medicine_menu: Text
    medicine_set: Annotated[Text, Slots("time")]
    medicine_cleared: Text
    medicine_reminder: Annotated[Text, Slots("medicines")]
    medicine_none: Text
    taken_button: Annotated[Text, Slots("name")]
    taken_saved: Annotated[Text, Slots("name")]
    recovery_ask: Annotated[Text, Slots("weeks")]
    recovery_ok: Text
    recovery_hearing: Text
    recovery_weakness: Text
    recovery_ok_saved: Text
    recovery_tell_surgeon: Text
    ask_side_effect: Text

    @field_validator("side_effects")
    @classmethod
    def _every_side_effect(cls, value: dict[str, str]) -> dict[str, str]:
        return exact_keys(value, SIDE_EFFECTS, "treatment.side_effects")
