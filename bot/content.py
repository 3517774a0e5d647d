"""Load and validate content/ at start-up, so a missing or broken entry fails before any user sees it."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from bot.domain.vocab import CARE_REASONS, DURATIONS, LOCATIONS, REDFLAG_BUTTONS, TRIGGERS
from bot.language.emergency import EmergencyBook
from bot.language.report_words import ReportWords
from bot.language.triage import SafetyRules
from bot.services.knowledge import KnowledgeBook


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Onboarding(Strict):
    welcome: str
    ask_timezone: str
    timezone_unknown: str
    ask_time: str
    time_invalid: str
    done: str
    welcome_back: str
    need_setup: str


class SettingsText(Strict):
    overview: str
    reminders_on: str
    reminders_paused: str
    next_none: str
    change_timezone: str
    change_time: str
    timezone_saved: str
    time_saved: str
    paused: str
    already_paused: str
    resumed: str
    already_on: str


def _exact_keys(value: dict[str, str], keys: tuple[str, ...], what: str) -> dict[str, str]:
    if set(value) != set(keys):
        raise ValueError(f"{what} must label exactly {sorted(keys)}, got {sorted(value)}")
    return value


class CheckinText(Strict):
    scheduled_intro: str
    ask_spasm: str
    log_intro: str
    ask_locations: str
    ask_severity: str
    ask_duration: str
    ask_stress: str
    ask_triggers: str
    pick_a_location: str
    yes: str
    no: str
    later: str
    snooze_ask: str
    snooze_1h: str
    snooze_3h: str
    snooze_tomorrow: str
    snoozed: str
    snoozed_tomorrow: str
    snooze_once: str
    followup_intro: str
    done: str
    back: str
    saved_title: str
    line_spasm: str
    line_no_spasm: str
    line_stress: str
    line_triggers: str
    line_no_triggers: str
    line_note: str
    line_redflags: str
    note_prompt: str
    add_note: str
    note_ask: str
    note_saved: str
    correct: str
    correct_title: str
    field_spasm: str
    field_stress: str
    field_triggers: str
    field_sleep: str
    ask_sleep: str
    sleep_none: str
    in_progress: str
    stale: str
    number_hint: str
    use_buttons: str
    tips_title: str
    tip_line: str
    understood_title: str
    seen_spasm: str
    seen_where: str
    seen_strength: str
    seen_duration: str
    line_sleep: str
    review_ask: str
    save: str
    edit: str
    minutes: str
    hours: str
    days: str
    about_a_minute: str
    locations: dict[str, str]
    durations: dict[str, str]
    triggers: dict[str, str]

    @field_validator("locations")
    @classmethod
    def _locations(cls, v: dict[str, str]) -> dict[str, str]:
        return _exact_keys(v, LOCATIONS, "checkin.locations")

    @field_validator("durations")
    @classmethod
    def _durations(cls, v: dict[str, str]) -> dict[str, str]:
        return _exact_keys(v, DURATIONS, "checkin.durations")

    @field_validator("triggers")
    @classmethod
    def _triggers(cls, v: dict[str, str]) -> dict[str, str]:
        return _exact_keys(v, TRIGGERS, "checkin.triggers")


class PrivacyText(Strict):
    privacy: str
    delete_ask: str
    delete_yes: str
    delete_no: str
    deleted: str
    nothing_stored: str
    delete_cancelled: str
    private_only: str


class General(Strict):
    help: str
    button_expired: str
    unknown_text: str
    unknown_command: str
    error: str
    not_text: str
    edited: str
    forwarded: str
    too_long: str
    slow_down: str


class AdminText(Strict):
    stats: str
    error_alert: str
    error_alert_held: str


class SafetyText(Strict):
    emergency: str
    still_urgent: str
    urgent: str
    prompt_care: str
    ask_redflags: str
    none_of_these: str
    and_word: str
    reasons: dict[str, str]
    buttons: dict[str, str]
    urgent_reasons: dict[str, str]

    @field_validator("buttons")
    @classmethod
    def _buttons(cls, v: dict[str, str]) -> dict[str, str]:
        return _exact_keys(v, REDFLAG_BUTTONS, "safety.buttons")

    @field_validator("urgent_reasons")
    @classmethod
    def _care(cls, v: dict[str, str]) -> dict[str, str]:
        missing = set(CARE_REASONS) - set(v)
        if missing:
            raise ValueError(f"safety.urgent_reasons: missing {sorted(missing)}")
        return v


class SummaryText(Strict):
    title_week: str
    title_month: str
    too_little: str
    line_days: str
    line_episodes: str
    line_severity: str
    line_no_severity: str
    line_stress: str
    line_sleep: str
    line_triggers: str
    line_no_triggers: str
    trend_up: str
    trend_down: str
    trend_same: str
    insight: str
    tip: str
    more: str
    chart_title: str
    chart_severity: str
    chart_stress: str
    chart_no_checkin: str
    chart_no_spasm: str
    weekly_intro: str
    settings_button: str
    ask_day: str
    ask_time: str
    saved: str
    days: list[str]

    @field_validator("days")
    @classmethod
    def _seven(cls, days: list[str]) -> list[str]:
        if len(days) != 7:
            raise ValueError("summary.days must name the 7 weekdays, Monday first")
        return days


class HistoryText(Strict):
    title: str
    empty: str
    entry_button: str
    spasm_short: str
    no_spasm_short: str
    episode_short: str
    partial_short: str
    delete: str
    confirm_delete: str
    yes_delete: str
    keep: str
    deleted: str
    kept: str
    alerts_title: str
    alert_line: str
    alert_emergency: str
    alert_urgent: str


class ExportText(Strict):
    preparing: str
    empty: str
    csv_caption: str
    pdf_caption: str
    csv_filename: str
    pdf_filename: str
    report_title: str
    report_period: str
    report_disclaimer: str
    report_summary: str
    report_charts: str
    report_triggers: str
    report_events: str
    report_no_events: str
    report_entries: str
    report_col_date: str
    report_col_kind: str
    report_col_spasms: str
    report_col_stress: str
    report_col_triggers: str
    report_col_note: str
    report_col_time: str
    report_col_level: str
    report_col_flags: str
    report_no_spasms: str
    level_emergency: str
    level_urgent: str
    kind_checkin: str
    kind_episode: str


class ConsoleText(Strict):
    intro: str
    no_buttons: str
    bad_choice: str
    due_none: str
    due_already: str
    bye: str


class Messages(Strict):
    onboarding: Onboarding
    settings: SettingsText
    checkin: CheckinText
    safety: SafetyText
    summary: SummaryText
    history: HistoryText
    export: ExportText
    general: General
    privacy: PrivacyText
    admin: AdminText
    commands: dict[str, str]
    console: ConsoleText


# Placeholders each template may use; any other {name} is a typo caught at start-up.
PLACEHOLDERS: dict[str, set[str]] = {
    "onboarding.timezone_unknown": {"text"},
    "onboarding.time_invalid": {"text"},
    "onboarding.done": {"time", "timezone"},
    "settings.overview": {"timezone", "time", "reminders", "next_checkin"},
    "settings.timezone_saved": {"timezone"},
    "settings.time_saved": {"time"},
    "settings.resumed": {"next_checkin"},
    "settings.already_on": {"next_checkin"},
    "checkin.saved_title": {"date"},
    "checkin.snoozed": {"time"},
    "checkin.line_spasm": {"locations", "severity", "duration"},
    "checkin.line_stress": {"stress"},
    "checkin.line_triggers": {"triggers"},
    "checkin.line_note": {"note"},
    "checkin.line_redflags": {"flags"},
    "checkin.seen_where": {"locations"},
    "checkin.seen_strength": {"severity"},
    "checkin.seen_duration": {"duration"},
    "checkin.line_sleep": {"hours"},
    "checkin.minutes": {"count"},
    "checkin.hours": {"count"},
    "checkin.days": {"count"},
    "checkin.note_saved": {"date"},
    "checkin.tip_line": {"text", "source"},
    "console.bad_choice": {"count"},
    "summary.title_week": {"start", "end"},
    "summary.title_month": {"start", "end"},
    "summary.too_little": {"start", "end", "days"},
    "summary.line_days": {"spasm_days", "days", "trend"},
    "summary.line_episodes": {"episodes", "trend"},
    "summary.line_severity": {"average", "highest", "trend"},
    "summary.line_stress": {"average", "trend"},
    "summary.line_sleep": {"hours", "trend"},
    "summary.line_triggers": {"triggers"},
    "summary.trend_up": {"before"},
    "summary.trend_down": {"before"},
    "summary.insight": {"high_spasm", "high_days", "calm_spasm", "calm_days"},
    "summary.tip": {"trigger", "tip"},
    "summary.chart_title": {"start", "end"},
    "summary.settings_button": {"day", "time"},
    "summary.saved": {"day", "time"},
    "history.entry_button": {"date", "summary"},
    "history.spasm_short": {"severity"},
    "history.episode_short": {"severity"},
    "history.confirm_delete": {"date"},
    "history.deleted": {"date"},
    "history.alert_line": {"when", "level", "what"},
    "export.report_period": {"start", "end", "days"},
    "safety.emergency": {"number", "reasons"},
    "safety.still_urgent": {"number"},
    "safety.urgent": {"number", "reasons"},
    "safety.prompt_care": {"reasons"},
    "console.bye": {"database"},
    "admin.stats": {"people", "active", "checkins", "checkins_week", "escalations", "escalations_week"},
    "admin.error_alert": {"kind", "where"},
    "admin.error_alert_held": {"count"},
}


def _check_placeholders(prefix: str, node: Any) -> None:
    if isinstance(node, BaseModel):
        node = node.model_dump()
    if isinstance(node, dict):
        for key, value in node.items():
            _check_placeholders(f"{prefix}.{key}" if prefix else key, value)
        return
    if not isinstance(node, str):
        return
    used = {name for _, name, _, _ in string.Formatter().parse(node) if name is not None}
    allowed = PLACEHOLDERS.get(prefix, set())
    if not used <= allowed:
        raise ValueError(f"{prefix}: unknown placeholder(s) {sorted(used - allowed)}")
    if not node.strip():
        raise ValueError(f"{prefix}: empty text")


class Tip(Strict):
    id: str
    triggers: list[str]
    source: str
    text: str


class TipBook(Strict):
    sources: dict[str, str]
    tips: list[Tip]

    @model_validator(mode="after")
    def _consistent(self) -> TipBook:
        ids = [tip.id for tip in self.tips]
        if len(ids) != len(set(ids)):
            raise ValueError("tips: duplicate ids")
        known = {*TRIGGERS, "general"}
        for tip in self.tips:
            if tip.source not in self.sources:
                raise ValueError(f"tip {tip.id}: unknown source {tip.source!r}")
            if not tip.triggers or not set(tip.triggers) <= known:
                raise ValueError(f"tip {tip.id}: triggers must be among {sorted(known)}")
        missing = known - {t for tip in self.tips for t in tip.triggers}
        if missing:
            raise ValueError(f"tips: no tip for {sorted(missing)}")
        return self


class ZoneButton(Strict):
    label: str
    zone: str


class Zones(Strict):
    checkin_times: list[str]
    buttons: list[ZoneButton]
    cities: dict[str, str]

    @field_validator("checkin_times")
    @classmethod
    def _times(cls, times: list[str]) -> list[str]:
        for value in times:
            if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
                raise ValueError(f"timezones: check-in time {value!r} is not HH:MM")
        return times

    @model_validator(mode="after")
    def _real_zones(self) -> Zones:
        for zone in [b.zone for b in self.buttons] + list(self.cities.values()):
            try:
                ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"timezones: unknown zone {zone!r}") from exc
        return self


class Content(Strict):
    messages: Messages
    tips: TipBook
    zones: Zones
    safety: SafetyRules
    emergency: EmergencyBook
    knowledge: KnowledgeBook
    reports: ReportWords

    @model_validator(mode="after")
    def _consistent(self) -> Content:
        _check_placeholders("", self.messages)
        flags = {flag.id for flag in self.safety.flags}
        if set(self.messages.safety.reasons) != flags:
            raise ValueError(f"safety.reasons must word exactly the flags {sorted(flags)}")
        signs = {sign.id for sign in self.safety.urgent}
        missing = signs - set(self.messages.safety.urgent_reasons)
        if missing:
            raise ValueError(f"safety.urgent_reasons: missing {sorted(missing)}")
        return self


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_content(directory: Path) -> Content:
    return Content(
        messages=Messages.model_validate(_read(directory / "messages.toml")),
        tips=TipBook.model_validate(_read(directory / "tips.toml")),
        zones=Zones.model_validate(_read(directory / "timezones.toml")),
        safety=SafetyRules.model_validate(_read(directory / "safety.toml")),
        emergency=EmergencyBook.model_validate(_read(directory / "emergency.toml")),
        knowledge=KnowledgeBook.model_validate(_read(directory / "knowledge.toml")),
        reports=ReportWords.model_validate(_read(directory / "reports.toml")),
    )
