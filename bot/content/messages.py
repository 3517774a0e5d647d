"""content/messages.toml: every word the bot says, one declaration per key (with its placeholders)."""

from __future__ import annotations

from typing import Annotated

from pydantic import model_validator

from bot.content.checkin_text import CheckinText, SafetyText
from bot.content.report_text import ExportText, HistoryText, SummaryText
from bot.content.treatment_text import TreatmentText
from bot.content.wording import Slots, Wording, check_wording


class Onboarding(Wording):
    welcome: str
    ask_timezone: str
    timezone_unknown: Annotated[str, Slots("text")]
    ask_time: str
    time_invalid: Annotated[str, Slots("text")]
    done: Annotated[str, Slots("time", "timezone")]
    welcome_back: str
    need_setup: str
    not_started: str


class SettingsText(Wording):
    ask_timezone: str
    ask_time: str
    overview: Annotated[str, Slots("next_checkin", "reminders", "time", "timezone")]
    reminders_on: str
    reminders_paused: str
    next_none: str
    change_timezone: str
    change_time: str
    timezone_saved: Annotated[str, Slots("timezone")]
    fixed_offset_note: str
    time_saved: Annotated[str, Slots("time")]
    paused: str
    already_paused: str
    resumed: Annotated[str, Slots("next_checkin")]
    already_on: Annotated[str, Slots("next_checkin")]


class PrivacyText(Wording):
    privacy: str
    delete_ask: str
    delete_yes: str
    delete_no: str
    deleted: str
    nothing_stored: str
    delete_cancelled: str
    private_only: str


class General(Wording):
    greeting_reply: str
    thanks_reply: str
    cancelled: str
    nothing_to_cancel: str
    cancel: str
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


class AdminText(Wording):
    stats: Annotated[
        str, Slots("active", "checkins", "checkins_week", "escalations", "escalations_week", "people")
    ]
    error_alert: Annotated[str, Slots("kind", "where")]
    error_alert_held: Annotated[str, Slots("count")]


class ConsoleText(Wording):
    intro: str
    help: str
    no_buttons: str
    bad_choice: Annotated[str, Slots("count")]
    due_none: str
    due_already: str
    week_none: str
    demo_done: Annotated[str, Slots("count")]
    demo_none: str
    unknown: str
    bye: Annotated[str, Slots("database")]


class Messages(Wording):
    onboarding: Onboarding
    settings: SettingsText
    checkin: CheckinText
    safety: SafetyText
    summary: SummaryText
    history: HistoryText
    export: ExportText
    general: General
    privacy: PrivacyText
    treatment: TreatmentText
    admin: AdminText
    commands: dict[str, str]
    console: ConsoleText

    @model_validator(mode="after")
    def _wording(self) -> Messages:
        check_wording("", self)
        return self
