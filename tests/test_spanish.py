"""A Spanish-speaking person's diary, all in Spanish: questions answered from the Spanish topics,
tips worded in Spanish."""

from __future__ import annotations

from bot.content import Content
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from tests.harness import Chat
from tests.helpers import user_row


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
