"""The wording of summaries, /history and the exports."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator

from bot.content.wording import Plural, Slots, Wording


class SummaryText(Wording):
    title_week: Annotated[str, Slots("end", "start")]
    title_month: Annotated[str, Slots("end", "start")]
    too_little: Annotated[str, Slots("end", "recorded", "start")]
    days_recorded: Annotated[Plural, Slots("count")]
    line_days: Annotated[str, Slots("days", "spasm_days", "trend")]
    line_episodes: Annotated[str, Slots("episodes", "trend")]
    line_severity: Annotated[str, Slots("average", "highest", "trend")]
    line_no_severity: str
    line_stress: Annotated[str, Slots("average", "trend")]
    line_sleep: Annotated[str, Slots("hours", "trend")]
    line_places: Annotated[str, Slots("places")]
    line_triggers: Annotated[str, Slots("triggers")]
    line_no_triggers: str
    trend_up: Annotated[str, Slots("before")]
    trend_down: Annotated[str, Slots("before")]
    trend_same: str
    insight: Annotated[str, Slots("calm_days", "calm_spasm", "high_days", "high_spasm")]
    tip: Annotated[str, Slots("tip", "trigger")]
    change_start: Annotated[str, Slots("day", "dose", "name")]
    change_dose: Annotated[str, Slots("day", "dose", "name")]
    change_stop: Annotated[str, Slots("day", "name")]
    change_followed: Annotated[str, Slots("after", "before", "days", "spasm_days")]
    change_followed_alone: Annotated[str, Slots("after", "days", "spasm_days")]
    change_too_early: Annotated[str, Slots("days")]
    change_days: Annotated[Plural, Slots("count")]
    more: str
    chart_title: Annotated[str, Slots("end", "start")]
    chart_severity: str
    chart_stress: str
    chart_no_checkin: str
    chart_no_spasm: str
    weekly_intro: str
    settings_button: Annotated[str, Slots("day", "time")]
    ask_day: str
    ask_time: str
    saved: Annotated[str, Slots("day", "time")]
    days: list[str]

    @field_validator("days")
    @classmethod
    def _seven(cls, days: list[str]) -> list[str]:
        if len(days) != 7:
            raise ValueError("summary.days must name the 7 weekdays, Monday first")
        return days


class HistoryText(Wording):
    title: str
    empty: str
    entry_button: Annotated[str, Slots("date", "summary")]
    spasm_short: Annotated[str, Slots("severity")]
    no_spasm_short: str
    episode_short: Annotated[str, Slots("severity")]
    partial_short: str
    delete: str
    confirm_delete: Annotated[str, Slots("date")]
    yes_delete: str
    keep: str
    deleted: Annotated[str, Slots("date")]
    kept: str
    alerts_title: str
    alert_line: Annotated[str, Slots("level", "what", "when")]
    alert_emergency: str
    alert_urgent: str


class ExportText(Wording):
    preparing: str
    empty: str
    csv_caption: str
    pdf_caption: str
    csv_filename: str
    pdf_filename: str
    report_title: str
    report_period: Annotated[str, Slots("end", "length", "start")]
    report_days: Annotated[Plural, Slots("count")]
    report_disclaimer: str
    report_summary: str
    report_charts: str
    report_triggers: str
    report_events: str
    report_no_events: str
    report_entries: str
    report_col_date: str
    report_col_time: str
    report_col_kind: str
    report_col_places: str
    report_col_strength: str
    report_col_duration: str
    report_col_stress: str
    report_col_sleep: str
    report_col_triggers: str
    report_col_notes: str
    report_col_reported: str
    report_col_advised: str
    source_text: str
    source_checkin: str
    source_diary: str
    advised_emergency: str
    advised_urgent: str
    report_no_spasms: str
    level_emergency: str
    level_urgent: str
    kind_checkin: str
    kind_episode: str
