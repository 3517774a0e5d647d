"""Where an injection went (optional): tapped on the card before Save, or read from a typed
line; kept with the injection, shown in /treatment, the report and the treatments CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from bot.content import Content
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from bot.services.treatment_export import TreatmentExport
from bot.storage.models import Treatment
from handlers import callbacks
from handlers.views.treatment_report import treatment_lines
from tests.harness import Chat
from tests.helpers import onboard, quiet_day, rows

TODAY = date(2026, 3, 10)


async def test_places_and_a_side_are_tapped_before_save(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("/treatment")
    await chat.tap("Add an injection")
    await chat.tap("Today")
    labels = [label for label, _ in buttons_of(chat.keyboard_message())]
    assert "Left" not in labels  # a side belongs to places: none tapped yet
    for label in ("Eyelid", "Cheek", "Left", "Cheek"):  # the cheek tapped again: taken off
        await chat.tap(label)
    card = chat.keyboard_message()
    assert "📍 Where: Eyelid (left)" in str(card["text"])
    assert [label for label, _ in buttons_of(card) if label.startswith("✅ ")][:2] == ["✅ Eyelid", "✅ Left"]
    assert await rows(services, Treatment) == []  # nothing until Save
    await chat.tap("Save")
    (saved,) = await rows(services, Treatment)
    assert (saved.started_on, saved.places, saved.sides) == (TODAY, "eyelid", "eyelid:left")
    await chat.send("/treatment")
    assert "📍 Where: Eyelid (left)" in chat.last_text()


async def test_saving_without_places_keeps_none(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("/treatment")
    await chat.tap("Add an injection")
    await chat.tap("Yesterday")
    await chat.tap("Save")
    (saved,) = await rows(services, Treatment)
    assert (saved.places, saved.sides) == (None, None)
    await chat.send("/treatment")
    assert "Where:" not in chat.last_text()


async def test_a_forged_or_future_card_saves_nothing(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/treatment")
    message = chat.keyboard_message()
    await chat.press(message, callbacks.INJECTION_WHERE.build("save", "20260311", 1, "left"))
    assert chat.last_text() == content.messages.treatment.future
    await chat.press(message, "tw:save:20260230:1:left")  # no 30 February
    assert chat.last_text() == content.messages.treatment.stale
    await chat.press(message, "tw:save:20260310:4096:left")  # places beyond the list
    assert await rows(services, Treatment) == []


async def test_a_typed_injection_keeps_where_it_went(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await quiet_day(chat)
    await chat.send("had my botox today in both eyelids and left cheek, 50 units")
    assert "📍 Where: Eyelid (both sides), Cheek (left)" in str(chat.keyboard_message()["text"])
    await chat.tap("Save")
    (saved,) = await rows(services, Treatment)
    assert (saved.places, saved.sides, saved.dose) == ("eyelid,cheek", "eyelid:both,cheek:left", 50)
    record = await TreatmentExport(services.db).collect(chat.user_id)
    assert record is not None
    assert treatment_lines(content, record)[0].startswith(
        "Botulinum toxin injection on 2026-03-10 (50 units), cycle until now (current cycle). "
        "Injected at: Eyelid (both sides), Cheek (left). "
    )
    await chat.send("/export")
    files = dict(chat.telegram.files.values())
    table = list(csv.reader(io.StringIO(files[content.messages.treatment.csv_filename].decode("utf-8-sig"))))
    assert table[1] == ["2026-03-10", "injection", "", "50", "units", "eyelid:both,cheek:left", ""]


async def test_an_injection_line_that_tells_of_spasms_is_read_as_a_check_in(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("had my botox 2 weeks ago but my left eyelid is twitching again, 5/10")
    text = str(chat.keyboard_message()["text"])
    assert text.startswith("Here's what I understood:")
    assert "Where: Eyelid (left)" in text and "Botulinum" not in text
    assert chat.last_text() == content.messages.treatment.injection_not_from_report  # never silently
    assert await rows(services, Treatment) == []
