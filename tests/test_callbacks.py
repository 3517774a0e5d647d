"""Button data is defined once (handlers/callbacks.py): what the buttons carry is what the routes
accept, and ids beyond what the tables hold are refused without touching the database."""

from __future__ import annotations

import pytest
from telegram import CallbackQuery, Update, User
from telegram.ext import CallbackQueryHandler

from bot.content import Content
from bot.services.registry import Services
from handlers import (
    callbacks,
    cancel,
    checkin,
    history,
    knowledge,
    language,
    medicines,
    onboarding,
    privacy,
    summary,
    treatment,
    treatment_cycle,
)
from handlers.callbacks import ButtonData
from tests.harness import Chat
from tests.helpers import checkins, onboard

KINDS = [value for value in vars(callbacks).values() if isinstance(value, ButtonData)]


def test_every_button_the_bot_can_show_reaches_its_own_handler(chat: Chat) -> None:
    owners = {
        callbacks.CHECKIN: (checkin.button, (7, "stress", 4)),
        callbacks.SNOOZE_MENU: (checkin.snooze_button, (7,)),
        callbacks.SNOOZE: (checkin.snooze_button, (7, 60)),
        callbacks.ZONE: (onboarding.zone_button, ("d",)),
        callbacks.CHECKIN_TIME: (onboarding.time_button, ("0830",)),
        callbacks.SETTING: (onboarding.settings_button, ("tz",)),
        callbacks.CHECKIN_SLOT: (onboarding.slot_button, ("mv", 480)),
        callbacks.SUMMARY_SETTING: (summary.settings_button, ("sum",)),
        callbacks.SUMMARY_DAY: (summary.day_button, (6,)),
        callbacks.SUMMARY_TIME: (summary.time_button, ("1900",)),
        callbacks.TOPIC: (knowledge.topic_button, ("menu",)),
        callbacks.HISTORY_ENTRY: (history.button, (7,)),
        callbacks.HISTORY_DELETE: (history.button, (7,)),
        callbacks.HISTORY_DELETE_SURE: (history.button, (7,)),
        callbacks.ERASE: (privacy.delete_button, ("yes",)),
        callbacks.CANCEL: (cancel.cancel_button, ("cancel",)),
        callbacks.TREATMENT: (treatment.button, ("save", "20260310")),
        callbacks.INJECTION_WHERE: (treatment.where_button, ("set", "20260310", 5, "left")),
        callbacks.CYCLE: (treatment_cycle.cycle_button, (7, "effect", 3)),
        callbacks.SIDE_EFFECT: (treatment_cycle.side_effect_button, (7, "droop")),
        callbacks.BOOKING: (treatment.booking_button, (10,)),
        callbacks.TAKEN: (medicines.taken_button, (7,)),
        callbacks.RECOVERY: (treatment_cycle.recovery_button, (7, 28, "ok")),
        callbacks.MEDICINE_TIME: (medicines.time_button, ("0800",)),
        callbacks.LANGUAGE: (language.language_button, ("es",)),
    }
    assert set(owners) == set(KINDS)
    routes = [h for h in chat.harness.runtime.application.handlers[1] if isinstance(h, CallbackQueryHandler)]
    for kind, (owner, values) in owners.items():
        data = kind.build(*values)
        assert kind.parse(data) == tuple(str(v) for v in values)
        first = next(h for h in routes if h.check_update(press_update(data)))
        assert first.callback is owner, data


def press_update(data: str) -> Update:
    query = CallbackQuery("1", User(1, "A", False), "instance", data=data)
    return Update(1, callback_query=query)


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        (callbacks.CHECKIN, (2**31, "stress", 4)),  # beyond the 32-bit id column
        (callbacks.HISTORY_ENTRY, (-1,)),
        (callbacks.CHECKIN, (1, "stress", "x" * 13)),
        (callbacks.CHECKIN_TIME, ("2500",)),
    ],
)
def test_a_button_that_does_not_fit_its_definition_is_never_built(
    kind: ButtonData, values: tuple[object, ...]
) -> None:
    with pytest.raises(ValueError):
        kind.build(*values)


async def test_ids_beyond_the_tables_are_refused_and_nothing_changes(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    before = [c.model_dump() for c in await checkins(services)]
    for data in ("c:2147483648:spasm:y", "h:9999999999", "h:delok:4294967296", "z:2147483648:60"):
        await chat.press(chat.keyboard_message(), data)
        assert chat.alerts()[-1] == content.messages.checkin.stale, data
    assert [c.model_dump() for c in await checkins(services)] == before
