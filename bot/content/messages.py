"""content/<language>/messages.ftl: every word the bot says, one declaration per key with its placeholders."""

from __future__ import annotations

from typing import Annotated

from pydantic import model_validator

from bot.content.checkin_text import CheckinText, SafetyText
from bot.content.report_text import ExportText, HistoryText, SummaryText
from bot.content.treatment_text import TreatmentText
from bot.content.wording import Slots, Text, Wording, check_wording


class Onboarding(Wording):
    welcome: Text
    ask_timezone: Text
    timezone_unknown: Annotated[Text, Slots("text")]
    ask_time: Text
    time_invalid: Annotated[Text, Slots("text")]
    done: Annotated[Text, Slots("time", "timezone")]
    welcome_back: Text
    need_setup: Text
    not_started: Text


class SettingsText(Wording):
    ask_timezone: Text
    ask_time: Text
    overview: Annotated[Text, Slots("next_checkin", "reminders", "time", "timezone")]
    reminders_on: Text
    reminders_paused: Text
    next_none: Text
    change_timezone: Text
    change_time: Text
    move_time: Annotated[Text, Slots("time")]
    remove_time: Annotated[Text, Slots("time")]
    add_time: Text
    ask_move_time: Annotated[Text, Slots("time")]
    ask_add_time: Text
    time_added: Annotated[Text, Slots("times")]
    time_removed: Annotated[Text, Slots("time", "times")]
    times_full: Annotated[Text, Slots("count")]
    time_too_close: Annotated[Text, Slots("time")]
    timezone_saved: Annotated[Text, Slots("timezone")]
    fixed_offset_note: Text
    time_saved: Annotated[Text, Slots("time")]
    paused: Text
    already_paused: Text
    resumed: Annotated[Text, Slots("next_checkin")]
    already_on: Annotated[Text, Slots("next_checkin")]


class PrivacyText(Wording):
    privacy: Text
    delete_ask: Text
    delete_yes: Text
    delete_no: Text
    deleted: Text
    nothing_stored: Text
    delete_cancelled: Text
    private_only: Text


class General(Wording):
    greeting_reply: Text
    thanks_reply: Text
    cancelled: Text
    nothing_to_cancel: Text
    cancel: Text
    help: Text
    button_expired: Text
    unknown_text: Text
    unknown_command: Text
    error: Text
    not_text: Text
    edited: Text
    forwarded: Text
    too_long: Text
    slow_down: Text


class LanguageText(Wording):
    name: Text  # the language's own name, on its button in /language
    ask: Text
    saved: Text
    only_one: Text
    # How a day is written, as a CLDR pattern read by Babel: "yyyy-MM-dd", "d MMM yyyy" (4 dic 2026).
    day_format: Text


class AdminText(Wording):
    stats: Annotated[
        Text, Slots("active", "checkins", "checkins_week", "escalations", "escalations_week", "people")
    ]
    error_alert: Annotated[Text, Slots("kind", "where")]
    error_alert_held: Annotated[Text, Slots("count")]


class ConsoleText(Wording):
    intro: Text
    help: Text
    no_buttons: Text
    bad_choice: Annotated[Text, Slots("count")]
    name_the_flag: Text
    due_none: Text
    due_already: Text
    week_none: Text
    demo_done: Annotated[Text, Slots("count")]
    demo_none: Text
    unknown: Text
    bye: Annotated[Text, Slots("database")]


class WebAppText(Wording):
    """The Mini App: its page's words (sent to the page as they are, templates kept) and the buttons
    that open it in the chat."""

    menu_button: Text
    open_button: Text
    title: Text
    week: Text
    month: Text
    cycles: Text
    all_places: Text
    all_triggers: Text
    strength: Text
    stress: Text
    weeks_since: Text
    no_entries: Text
    no_cycles: Text
    not_set_up: Text
    add_note: Text
    note_placeholder: Text
    save: Text
    cancel: Text
    delete: Text
    note_saved: Text
    note_empty: Text
    note_too_long: Text
    gone: Text
    error: Text
    not_signed_in: Text
    console_url: Annotated[Text, Slots("url")]
    correct: Text
    check: Text
    change_line: Annotated[Text, Slots("after", "before", "what")]
    nothing_changed: Text
    corrected: Text
    bad_number: Text
    no_strength: Text
    strength_short: Text
    stress_short: Text
    sleep_short: Text
    places_short: Text
    day_detail: Annotated[Text, Slots("day", "strength", "stress")]
    day_detail_quiet: Annotated[Text, Slots("day", "stress")]  # a day with no spasms
    cycle_detail: Annotated[Text, Slots("date", "day", "strength")]
    side_unknown: Text
    duration_short: Text
    triggers_short: Text
    no_triggers: Text
    bad_choice: Text


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
    language: LanguageText
    admin: AdminText
    commands: dict[str, Text]
    console: ConsoleText
    webapp: WebAppText

    @model_validator(mode="after")
    def _wording(self) -> Messages:
        check_wording("", self)
        return self
