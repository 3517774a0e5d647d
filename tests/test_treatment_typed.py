"""Treatments typed as a line: shown back whole, saved only on Save (and only the card's own
draft), a dose change or stop added to the medicine, and a clear answer for what can't be."""

from __future__ import annotations

from datetime import date, timedelta

from bot.content import Content
from bot.services.registry import Services
from bot.storage.models import SafetyEvent, Treatment, TreatmentEvent
from tests.harness import Chat
from tests.helpers import onboard, rows

TODAY = date(2026, 3, 10)


async def test_an_injection_with_its_dose_is_saved_on_save(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("Had botox injections yesterday, 50 units")
    card = chat.keyboard_message()["text"]
    assert card.startswith("💉 Botulinum toxin injection 50 units on Monday, 2026-03-09.")
    assert await rows(services, Treatment) == []
    await chat.tap("Save")
    assert content.messages.treatment.draft_saved in [m.get("text") for m in chat.my_messages()]
    (saved,) = await rows(services, Treatment)
    assert (saved.kind, saved.started_on, saved.dose, saved.unit) == (
        "injection",
        TODAY - timedelta(days=1),
        50,
        "units",
    )


async def test_a_medicine_started_changed_and_stopped(chat: Chat, services: Services) -> None:
    await onboard(chat)
    for line in ("started clonazepam 0.5 mg 3 days ago", "upped clonazepam to 1mg yesterday"):
        await chat.send(line)
        await chat.tap("Save")
    await chat.send("/treatment")
    assert "• Clonazepam 1 mg, since Saturday, 2026-03-07" in chat.last_text()
    await chat.send("came off clonazepam today")
    assert chat.keyboard_message()["text"].startswith("💊 Stopped Clonazepam on Tuesday, 2026-03-10.")
    await chat.tap("Save")
    (medicine,) = await rows(services, Treatment)
    assert (medicine.name, medicine.dose, medicine.stopped_on) == (
        "clonazepam",
        0.5,
        TODAY,
    )  # started as it was
    assert [(e.kind, e.dose) for e in await rows(services, TreatmentEvent)] == [("dose", 1.0), ("stop", None)]
    await chat.send("/treatment")
    assert "Clonazepam" not in chat.last_text()


async def test_what_cannot_be_saved_gets_a_clear_answer_and_nothing_is_written(
    chat: Chat, services: Services, content: Content
) -> None:
    text = content.messages.treatment
    await onboard(chat)
    await chat.send("stopped baclofen yesterday")
    assert chat.last_text() == text.not_found.format(name="Baclofen")
    await chat.send("started baclofen 10 mg yesterday")
    await chat.tap("Save")
    await chat.send("stopped baclofen 5 days ago")
    assert chat.last_text().startswith(
        "Thursday, 2026-03-05 is before you started Baclofen (Monday, 2026-03-09)"
    )
    await chat.send("started gabapentin tomorrow")
    assert chat.last_text() == text.future
    await chat.send("had my botox last week")
    assert chat.last_text() == text.day_unclear
    assert [(t.name, t.stopped_on) for t in await rows(services, Treatment)] == [("baclofen", None)]
    assert await rows(services, TreatmentEvent) == []


async def test_an_unknown_name_is_kept_and_an_unreadable_dose_left_out(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("started lamotrigine half a mg")
    card = chat.keyboard_message()["text"]
    assert card.startswith("💊 Started Lamotrigine on Tuesday, 2026-03-10.")
    assert content.messages.treatment.dose_unreadable in card
    await chat.tap("Save")
    (saved,) = await rows(services, Treatment)
    assert (saved.kind, saved.name, saved.dose) == ("medicine", "lamotrigine", None)


async def test_an_older_card_never_saves_a_newer_draft(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("had my botox today")
    first = chat.keyboard_message()
    await chat.send("had MVD surgery on 3 March")
    await chat.press(first, first["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
    (old_card,) = [m for m in chat.my_messages() if m["message_id"] == first["message_id"]]
    assert old_card["text"] == content.messages.treatment.draft_gone
    assert await rows(services, Treatment) == []
    await chat.tap("Save")
    (surgery,) = await rows(services, Treatment)
    assert (surgery.kind, surgery.name, surgery.started_on) == ("surgery", "mvd", date(2026, 3, 3))
    await chat.send("/treatment")
    assert "🏥 MVD on Tuesday, 2026-03-03" in chat.last_text()


async def test_a_question_about_botox_is_answered_not_recorded_or_escalated(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("will botox help?")
    botox = content.knowledge.topic("botox")
    assert botox is not None and botox.answer in chat.last_text()
    assert await rows(services, Treatment) == [] and await rows(services, SafetyEvent) == []


async def test_slips_of_the_thumb_are_read_as_the_treatment_words(chat: Chat, content: Content) -> None:
    await onboard(chat)
    for line in ("got my botx 3 wks ago", "strated clonazapam 0.5mg yesterday", "upped baclophen to 20mg"):
        await chat.send(line)
    assert chat.last_text().startswith("Baclofen isn't among the medicines you take")  # read, not taken
    texts = [str(m.get("text")) for m in chat.my_messages()]
    assert any(t.startswith("💉 Botulinum toxin injection on Tuesday, 2026-02-17.") for t in texts)
    assert any(t.startswith("💊 Started Clonazepam 0.5 mg on Monday, 2026-03-09.") for t in texts)
    await chat.send("seeing double since my botox")  # "double" is a side effect, not "doubled"
    assert chat.last_text() == content.messages.treatment.no_injection_for_effect  # none saved yet
