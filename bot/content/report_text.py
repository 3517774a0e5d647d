"""The wording of summaries, /history and the exports."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator

from bot.content.wording import Plural, Slots, Text, Wording


class SummaryText(Wording):
    title_week: Annotated[Text, Slots("end", "start")]
    title_month: Annotated[Text, Slots("end", "start")]
    too_little: Annotated[Text, Slots("end", "recorded", "start")]
    days_recorded: Annotated[Plural, Slots("count")]
    line_days: Annotated[Text, Slots("days", "spasm_days", "trend")]
    line_episodes: Annotated[Text, Slots("episodes", "trend")]
    line_severity: Annotated[Text, Slots("average", "highest", "trend")]
    line_no_severity: Text
    line_stress: Annotated[Text, Slots("average", "trend")]
    line_sleep: Annotated[Text, Slots("hours", "trend")]
    line_places: Annotated[Text, Slots("places")]
    line_triggers: Annotated[Text, Slots("triggers")]
    line_no_triggers: Text
    trend_up: Annotated[Text, Slots("before")]
    trend_down: Annotated[Text, Slots("before")]
    trend_same: Text
    insight: Annotated[Text, Slots("calm_days", "calm_spasm", "high_days", "high_spasm")]
    tip: Annotated[Text, Slots("tip", "trigger")]
    change_start: Annotated[Text, Slots("day", "dose", "name")]
    change_dose: Annotated[Text, Slots("day", "dose", "name")]
    change_stop: Annotated[Text, Slots("day", "name")]
    change_followed: Annotated[Text, Slots("after", "before", "days", "spasm_days")]
    change_followed_alone: Annotated[Text, Slots("after", "days", "spasm_days")]
    change_too_early: Annotated[Text, Slots("days")]
    change_days: Annotated[Plural, Slots("count")]
    more: Text
    chart_title: Annotated[Text, Slots("end", "start")]
    chart_severity: Text
    chart_stress: Text
    chart_no_checkin: Text
    chart_no_spasm: Text
    weekly_intro: Text
    settings_button: Annotated[Text, Slots("day", "time")]
    ask_day: Text
    ask_time: Text
    saved: Annotated[Text, Slots("day", "time")]
    days: list[Text]

    @field_validator("days")
    @classmethod
    def _seven(cls, days: list[str]) -> list[str]:
        if len(days) != 7:
            raise ValueError("summary.days must name the 7 weekdays, Monday first")
        return days


class HistoryText(Wording):
    title: Text
    empty: Text
    entry_button: Annotated[Text, Slots("date", "summary")]
    spasm_short: Annotated[Text, Slots("severity")]
    no_spasm_short: Text
    episode_short: Annotated[Text, Slots("severity")]
    partial_short: Text
    delete: Text
    confirm_delete: Annotated[Text, Slots("date")]
    yes_delete: Text
    keep: Text
    deleted: Annotated[Text, Slots("date")]
    kept: Text
    alerts_title: Text
    alert_line: Annotated[Text, Slots("level", "what", "when")]
    alert_emergency: Text
    alert_urgent: Text


class ExportText(Wording):
    preparing: Text
    empty: Text
    csv_caption: Text
    pdf_caption: Text
    csv_filename: Text
    csv_header: Text  # the CSV's column names, comma-separated, in export.CSV_COLUMNS order
    pdf_filename: Text
    report_title: Text
    report_period: Annotated[Text, Slots("end", "length", "start")]
    report_days: Annotated[Plural, Slots("count")]
    report_disclaimer: Text
    report_summary: Text
    report_charts: Text
    report_triggers: Text
    report_events: Text
    report_no_events: Text
    report_entries: Text
    report_col_date: Text
    report_col_time: Text
    report_col_kind: Text
    report_col_places: Text
    report_col_strength: Text
    report_col_duration: Text
    report_col_stress: Text
    report_col_sleep: Text
    report_col_triggers: Text
    report_col_notes: Text
    report_col_reported: Text
    report_col_advised: Text
    source_text: Text
    source_checkin: Text
    source_diary: Text
    advised_emergency: Text
    advised_urgent: Text
    report_no_spasms: Text
    level_emergency: Text
    level_urgent: Text
    kind_checkin: Text
    kind_episode: Text
    kind_morning: Text
