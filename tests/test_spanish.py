"""A Spanish-speaking person's diary, all in Spanish: questions answered from the Spanish topics,
tips worded in Spanish."""

from __future__ import annotations

import pytest

from bot.content import Content
from bot.render.pdf import render_report
from bot.runtime.offline import buttons_of
from bot.safety import triage
from bot.services.registry import Services
from handlers.views.report import report_spec
from tests.harness import Chat
from tests.helpers import checkins, user_row
from tests.test_exports import an_export


async def onboard_es(chat: Chat) -> None:
    """/start, then Madrid's zone and 20:00, as a Spanish speaker taps them."""
    await chat.send("/start")
    await chat.tap("Madrid")
    await chat.tap("20:00")


async def test_a_question_in_spanish_gets_the_spanish_topic_with_its_source(
    harness_es: Chat, spanish: Content
) -> None:
    chat = harness_es
    await onboard_es(chat)
    await chat.send("¿por qué me tiembla el párpado?")
    causes = spanish.knowledge.topic("causes")
    assert causes is not None
    reply = chat.last_text()
    assert reply.startswith(causes.answer[:60]) and "Fuente:" in reply


async def test_a_question_the_spanish_topics_do_not_cover_gets_the_honest_answer(
    harness_es: Chat, spanish: Content
) -> None:
    chat = harness_es
    await onboard_es(chat)
    await chat.send("¿cuánto cuesta el seguro médico?")
    assert spanish.knowledge.not_covered in chat.last_text()


async def test_the_zone_buttons_are_the_spanish_speaking_worlds_and_mean_the_same_after_a_switch(
    harness_es: Chat, bilingual: Services
) -> None:
    chat = harness_es
    await chat.send("/start")
    zones = chat.keyboard_message()
    labels = [label for label, _ in buttons_of(zones)]
    assert "Ciudad de México" in labels and "Buenos Aires" in labels
    await chat.send("/language")
    await chat.tap("English")
    # The Spanish keyboard, tapped after the switch, still means the zone its button named.
    (data,) = [data for label, data in buttons_of(zones) if label == "Buenos Aires"]
    await chat.press(zones, data)
    user = await user_row(bilingual, chat.user_id)
    assert user is not None and user.timezone == "America/Argentina/Buenos_Aires"


async def test_a_quiet_day_by_taps_is_kept_and_answered_with_spanish_tips(
    harness_es: Chat, bilingual: Services, spanish: Content
) -> None:
    chat = harness_es
    await onboard_es(chat)
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.tap("7")
    if "dormiste" in chat.keyboard_message()["text"]:
        await chat.tap("6")
    await chat.tap("Estrés")
    await chat.tap("Listo")
    tips = chat.last_text()
    assert tips.startswith(spanish.messages.checkin.tips_title) and "Fuente:" in tips
    assert any(tip.text in tips for tip in spanish.tips.tips if "stress" in tip.triggers)
    (entry,) = await checkins(bilingual)
    assert (entry.had_spasm, entry.stress, entry.triggers) == (False, 7, "stress")


async def test_a_typed_report_in_spanish_is_shown_back_in_spanish_and_saved_on_guardar(
    harness_es: Chat, bilingual: Services, spanish: Content
) -> None:
    chat = harness_es
    await onboard_es(chat)
    await chat.send("me tiembla el párpado izq desde hace un rato, estres 7, dormi 5h y 3 cafes")
    shown = chat.last_text()
    assert "Dónde: Párpado (lado izquierdo)" in shown and "Sueño: 5 h" in shown
    assert all(entry.status != "done" for entry in await checkins(bilingual))  # nothing saved yet
    for _ in range(6):  # strength, length, anything else: then the card to save
        labels = [label for label, _ in buttons_of(chat.keyboard_message())]
        if any("Guardar" in label for label in labels):
            break
        await chat.tap(next(label for label in labels if label in ("6", "Nada de esto", "Minutos")))
    await chat.tap("Guardar")
    (entry,) = await checkins(bilingual)
    assert (entry.status, entry.locations, entry.stress, entry.sleep_hours) == ("done", "eyelid", 7, 5.0)
    assert entry.triggers == "stress,poor_sleep,caffeine"
    assert chat.last_text().startswith(spanish.messages.checkin.tips_title)


async def test_the_summary_chart_and_the_doctors_files_come_in_spanish(
    harness_es: Chat, bilingual: Services, spanish: Content
) -> None:
    chat = harness_es
    await onboard_es(chat)
    await bilingual.demo.fill(chat.user_id)
    await chat.send("/summary")
    captions = [
        c.params.get("caption", "") for c, _, _ in chat.telegram.uploads_to(chat.user_id, "sendPhoto")
    ]
    assert captions and captions[-1].startswith("Tu semana")
    await chat.send("/export")
    (_, csv_name, csv_bytes), (_, pdf_name, pdf) = chat.telegram.uploads_to(chat.user_id, "sendDocument")
    assert (csv_name, pdf_name) == ("diario-de-espasmos.csv", spanish.messages.export.pdf_filename)
    table = csv_bytes.decode("utf-8-sig")
    assert table.startswith("fecha,hora,tipo,estado,espasmos,zonas,lados,intensidad")
    assert ",sí," in table  # a day with spasms
    assert pdf.startswith(b"%PDF") and b"/Subtype /Image" in pdf


def test_the_doctors_report_reads_in_spanish_with_its_dates_and_numbers(spanish: Content) -> None:
    export, summary = an_export()
    spec = report_spec(spanish, export, summary)
    (row,) = spec.entries
    assert row[0] == "10 mar 2026" and row[2] == spanish.messages.export.kind_episode
    assert row[3] == "Párpado (lado izquierdo); Mejilla" and row[7] == "6,5 h"
    ((when, _, advised),) = spec.events
    assert when == "10 mar 2026 20:30" and advised == spanish.messages.export.advised_emergency
    assert render_report(spec).startswith(b"%PDF")


WORSE = ["mis espasmos empeoraron", "han ido empeorando los espasmos", "el tic empeoró", "cada día empeora"]


@pytest.mark.parametrize("text", WORSE)
def test_spasms_getting_worse_in_spanish_are_a_reason_to_see_a_doctor_soon(text: str) -> None:
    found = triage(text)
    assert (found.level, found.reasons) == ("urgent", ("worsening",))
