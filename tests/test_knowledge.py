"""Questions about causes: sourced answers from content, an honest fallback, never a guess."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Content
from bot.knowledge import answer
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import onboard

DATA = Path(__file__).parent / "data"


def labelled(path: Path) -> list[tuple[str, str]]:
    rows = [line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(row[0], row[1]) for row in rows if len(row) == 2 and not row[0].startswith("#")]


def figures(path: Path, language: str = "en") -> tuple[int, int, int, int, list[str]]:
    hits = asked = fallbacks = off_topic = 0
    wrong = []
    for expected, question in labelled(path):
        found = answer(question, language)
        got = found.topic if found else "none"
        if expected == "none":
            off_topic += 1
            fallbacks += got == "none"
        else:
            asked += 1
            hits += got == expected
        if got != expected:
            wrong.append(f"{expected} -> {got}: {question}")
    return hits, asked, fallbacks, off_topic, wrong


@pytest.mark.parametrize(
    ("name", "min_top1"),
    [
        ("questions.tsv", 0.95),
        ("questions_independent.tsv", 0.95),
        ("questions_independent_2.tsv", 0.95),
        ("questions_independent_3.tsv", 0.93),  # treatments and "why"; first measured at 53.8%
        ("questions_independent_4.tsv", 0.95),  # first measured at 75.8%
        ("questions_independent_5.tsv", 0.95),  # first measured at 80.6%, 91.9% with the model
        ("questions_independent_6.tsv", 0.95),  # first measured at 91.9%
        # Spanish: 12.5% on the English topics, 66.2% on the Spanish ones before their stems were fixed
        ("questions_es_independent_1.tsv", 0.85),
        ("questions_es_independent_2.tsv", 0.9),  # first measured at 88.8%, fallback 19/20
    ],
)
def test_top1_accuracy_and_honest_fallback(
    name: str, min_top1: float, capsys: pytest.CaptureFixture[str]
) -> None:
    language = "es" if "_es_" in name else "en"
    hits, asked, fallbacks, off_topic, wrong = figures(DATA / name, language)
    with capsys.disabled():
        print(
            f"\nQ&A {language} {name}: top-1 {hits / asked:.1%} ({hits}/{asked}), "
            f"fallback on off-topic {fallbacks / off_topic:.1%} ({fallbacks}/{off_topic})"
        )
    assert asked >= 62 and off_topic >= 12
    assert hits / asked >= min_top1, wrong
    assert fallbacks == off_topic, wrong


def test_answer_interface_names_topic_text_and_source(content: Content) -> None:
    found = answer("can stress cause this?")
    assert found is not None and found.topic == "stress"
    topic = content.knowledge.topic("stress")
    assert topic is not None and found.text.startswith(topic.answer)
    assert "Source: Facial Spasm – Common Causes Explained" in found.text
    assert answer("what's the weather tomorrow") is None
    assert answer("") is None and answer("   ") is None


def test_every_topic_answer_names_its_sources_and_is_in_our_own_words(content: Content) -> None:
    seeds = DEFAULT_CONTENT_DIR.parent.parent / "shared" / "seeds"
    source_text = (
        " ".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")).lower() if seeds.exists() else ""
    )
    book = content.knowledge
    required = {"what", "stress", "overuse", "sleep", "caffeine", "screens", "neuro", "tics", "seizures",
                "medication", "unknown_cause", "symptoms", "journal", "doctor", "helps"}  # fmt: skip
    assert required <= {t.id for t in book.topics}
    for topic in book.topics:
        assert topic.sources and all(book.sources[s] for s in topic.sources)
        words = re.findall(r"[a-z']+", topic.answer.lower())
        for i in range(len(words) - 7):
            assert " ".join(words[i : i + 8]) not in source_text, topic.id


async def test_causes_menu_topic_related_and_back(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await chat.send("/causes")
    menu = chat.keyboard_message()
    assert menu["text"] == content.knowledge.menu_title
    assert len(buttons_of(menu)) == len(content.knowledge.topics)
    await chat.tap("Tics and Tourette's")
    shown = chat.keyboard_message()
    assert shown["message_id"] == menu["message_id"]  # the same message, edited
    assert "especially boys" in shown["text"] or "particularly boys" in shown["text"]
    assert "Source: What are facial spasms? (HealthGrades)" in shown["text"]
    labels = [label for label, _ in buttons_of(shown)]
    assert labels[-1] == content.knowledge.back and "What facial spasms are" in labels
    await chat.tap(content.knowledge.back)
    assert chat.keyboard_message()["text"] == content.knowledge.menu_title


async def test_a_typed_question_gets_the_answer_even_mid_checkin(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await chat.send("/checkin")  # waiting for a Yes/No tap, not for text
    await chat.send("can coffee make my eye twitch?")
    topic = content.knowledge.topic("caffeine")
    assert topic is not None and chat.last_text().startswith(topic.answer)


async def test_at_a_number_step_a_question_is_answered_and_the_number_still_awaited(
    chat: Chat, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")  # now waiting for stress, 0-10, tapped or typed
    await chat.send("why does my eye twitch?")
    topic = content.knowledge.topic("causes")
    assert topic is not None and chat.last_text().startswith(topic.answer)
    await chat.send("how much does botox cost?")  # no answer: the number is asked for, not the menu
    assert chat.last_text() == content.messages.checkin.number_hint
    await chat.send("6")
    assert chat.keyboard_message()["text"] == content.messages.checkin.ask_sleep


async def test_an_uncovered_question_gets_the_honest_fallback_and_the_menu(
    chat: Chat, content: Content
) -> None:
    await onboard(chat)
    await chat.send("how much does botox cost?")
    shown = chat.keyboard_message()
    assert shown["text"] == content.knowledge.not_covered
    assert len(buttons_of(shown)) == len(content.knowledge.topics)
    await chat.send("nice weather today")
    assert chat.last_text() == content.messages.general.unknown_text


async def test_a_part_about_an_uncovered_subject_is_set_aside_and_the_rest_answered(
    chat: Chat, content: Content
) -> None:
    """Money and supplements: asked alone, the honest fallback; beside a question we can answer,
    that part is said to be left out and the rest is answered."""
    await onboard(chat)
    await chat.send("insurance only pays for some of it, can i space my botox injections further apart?")
    said = chat.last_text()
    assert said.startswith(content.knowledge.aside_line.format(words="cost and insurance"))
    botox = content.knowledge.topic("botox")
    assert botox is not None and botox.answer in said
    await chat.send("does insurance cover botox or do i have to pay?")
    assert chat.keyboard_message()["text"] == content.knowledge.not_covered
    await chat.send("will magnesium tablets stop my eye twitching")
    assert chat.keyboard_message()["text"] == content.knowledge.not_covered


async def test_the_answer_adds_a_line_about_the_person_when_their_diary_supports_it(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await chat.send("does stress cause spasms?")
    assert "From your diary" not in chat.last_text()
    for i in range(5):
        await chat.send("/checkin")
        await chat.tap("Yes")
        await chat.tap("Eyelid")
        await chat.tap("Done")
        await chat.tap("Skip")
        await chat.tap("4")
        await chat.tap("Minutes")
        await chat.tap("None of these")
        await chat.tap("6")
        await chat.tap("Not recorded")
        if i < 4:
            await chat.tap("Stress")
        await chat.tap("Done")
        clock.advance(days=1)
    await chat.send("does stress cause spasms?")
    assert "you marked stress on 4 of your 5 spasm days in the last 30 days" in chat.last_text()
    clock.advance(days=40)
    await chat.send("does stress cause spasms?")
    assert "From your diary" not in chat.last_text()
