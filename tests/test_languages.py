"""Each person is written to in their language: their app's on /start, or the one they choose with
/language; the schedule writes to them in it too. Every catalogue has every message."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from bot.config import DEFAULT_CONTENT_DIR, Settings
from bot.content import Content, load_content
from bot.content.catalogue import CatalogueError, Phrase
from bot.content.loader import ENGLISH, languages, load_languages, missing
from bot.content.wording import plural
from bot.runtime.offline import Person
from bot.services.languages import offered_code
from bot.services.registry import Services, build_services
from bot.storage.db import session_factory
from bot.storage.models import User
from tests.conftest import FakeClock
from tests.harness import Chat, start_harness

SPANISH = load_content(DEFAULT_CONTENT_DIR, "es")


def phrases(section: object, path: str = "") -> dict[str, frozenset[str]]:
    """Every text of a catalogue by its id, with the placeholders it uses."""
    found: dict[str, frozenset[str]] = {}
    items = section.items() if isinstance(section, dict) else enumerate(section) if isinstance(
        section, list
    ) else vars(section).items()  # fmt: skip
    for key, value in items:
        where = f"{path}-{key}" if path else str(key)
        if isinstance(value, Phrase):
            found[where] = value.variables
        elif isinstance(value, dict | list | BaseModel):
            found.update(phrases(value, where))
    return found


@pytest.mark.parametrize("code", [c for c in languages(DEFAULT_CONTENT_DIR) if c != ENGLISH])
def test_every_catalogue_has_every_message_with_the_same_placeholders(content: Content, code: str) -> None:
    english, other = phrases(content.messages), phrases(load_content(DEFAULT_CONTENT_DIR, code).messages)
    assert english and set(other) == set(english)
    assert {k for k in english if other[k] != english[k]} == set()


def test_a_catalogue_is_fluent_with_plurals_by_the_languages_rules(content: Content) -> None:
    days = SPANISH.messages.summary.days_recorded
    assert (plural(days, 1), plural(days, 3)) == ("1 día registrado", "3 días registrados")
    assert plural(content.messages.summary.days_recorded, 2026) == "2026 days recorded"  # no "2,026"
    done = SPANISH.messages.onboarding.done.format(time="08:30", timezone="Europe/Madrid")
    assert done.startswith("¡Todo listo!") and "08:30 (Europe/Madrid)" in done


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    path = target / "es" / "messages.ftl"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("checkin-yes = Sí", "checkin-ys = Sí"),  # a message missing (and one the schema lacks)
        ("{ $time } ({ $timezone })", "{ $hora } ({ $timezone })"),  # a placeholder the code never fills
        ("checkin-no = No", "checkin-no = No {"),  # not Fluent at all
    ],
)
def test_start_up_refuses_a_broken_catalogue_even_of_a_language_not_yet_offered(
    tmp_path: Path, old: str, new: str
) -> None:
    with pytest.raises((ValidationError, CatalogueError)):
        load_languages(_broken(tmp_path, old, new))


async def test_only_a_complete_language_is_offered(
    settings: Settings, content: Content, engine: AsyncEngine, clock: FakeClock
) -> None:
    english, others = load_languages(DEFAULT_CONTENT_DIR)
    assert english.language == ENGLISH and not english.missing
    assert set(others) == set(languages(DEFAULT_CONTENT_DIR)) - {ENGLISH}
    for code, loaded in others.items():
        assert loaded.missing == tuple(missing(DEFAULT_CONTENT_DIR, code))
    services = build_services(settings, content, session_factory(engine), clock, translations=others)
    assert services.languages.offered == (ENGLISH, *(c for c, loaded in others.items() if not loaded.missing))
    assert services.languages.offered == ("en", "es") and others["es"].missing == ()


@pytest.mark.parametrize(
    ("app", "expected"),
    [("es", "es"), ("es-MX", "es"), ("ES_ar", "es"), ("en-GB", "en"), ("fr", None), (None, None)],
)
def test_an_app_language_maps_to_an_offered_one(app: str | None, expected: str | None) -> None:
    assert offered_code(app, ["en", "es"]) == expected


async def test_a_person_whose_app_is_in_spanish_is_welcomed_in_spanish_and_can_switch(
    harness_es: Chat, bilingual: Services
) -> None:
    chat = harness_es
    await chat.send("/start")
    texts = [c.params["text"] for c in chat.telegram.sent_to(chat.user_id)]
    assert texts[0].startswith("Hola, soy Spasm Diary")
    assert texts[1] == SPANISH.messages.onboarding.ask_timezone
    await chat.send("/language")
    assert chat.last_text() == SPANISH.messages.language.ask
    await chat.tap("English")
    assert chat.last_text() == "Done: I'll write to you in English from now on."
    await chat.send("/help")
    assert chat.last_text().startswith(load_content(DEFAULT_CONTENT_DIR).messages.general.help[:20])
    async with bilingual.db() as session:
        user = (await session.exec(select(User).where(User.telegram_id == chat.user_id))).one()
    assert user.language == "en"


async def test_the_schedule_writes_to_each_person_in_their_language(
    harness_es: Chat, bilingual: Services, clock: FakeClock
) -> None:
    chat = harness_es
    await chat.send("/start")
    await chat.tap("Madrid")
    await chat.tap("20:00")
    clock.now = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # 20:00 in Madrid
    await chat.harness.runtime.tick()
    assert SPANISH.messages.checkin.scheduled_intro in chat.last_text()


async def test_the_command_menu_is_registered_in_each_offered_language(harness_es: Chat) -> None:
    menus = {
        c.params.get("language_code"): c.params["commands"]
        for c in harness_es.telegram.calls
        if c.method == "setMyCommands"
    }
    assert set(menus) == {None, "es"}
    assert '"command": "language"' in str(menus["es"]) or "language" in str(menus["es"])
    assert SPANISH.messages.commands["language"] in str(menus["es"])


async def test_a_red_flag_in_spanish_gets_the_emergency_reply_in_spanish_with_the_local_number_first(
    harness_es: Chat,
) -> None:
    chat = harness_es
    await chat.send("/start")
    await chat.send("mi marido no puede hablar y tiene la boca torcida")
    reply = chat.last_text()
    assert reply.startswith("Llama ahora al 112.")  # no zone chosen yet: the fallback number
    assert "Mientras esperas" in reply


async def test_a_red_flag_in_english_from_a_spanish_speaker_is_still_caught(harness_es: Chat) -> None:
    await harness_es.send("/start")
    await harness_es.send("my husband collapsed and is not breathing")
    assert harness_es.last_text().startswith("Llama ahora al 112.")


async def test_the_alarm_decided_at_intake_is_worded_in_the_persons_language(bilingual: Services) -> None:
    payload = Person(333, "Lu", "es-MX").message("no puedo respirar", 9)
    found = bilingual.alarms.screen([payload])
    assert [e.reasons for e in found] == [("breathing",)]
    (alarm,) = await bilingual.alarms.keep(found)
    assert alarm.text.startswith("Llama ahora al 112.")


async def test_after_delete_a_new_start_is_in_the_app_language_not_the_old_choice(
    settings: Settings, bilingual: Services
) -> None:
    async with start_harness(settings, bilingual) as harness:
        chat = Chat(harness, Person(444, "Sam", "en"))
        await chat.send("/start")
        await chat.send("/language")
        await chat.tap("Español")
        await chat.send("/delete")
        await chat.press(chat.keyboard_message(), "del:yes")
        await chat.send("/start")
        assert chat.last_text() == load_content(DEFAULT_CONTENT_DIR).messages.onboarding.ask_timezone


async def test_start_up_refuses_a_csv_heading_that_does_not_fit_its_columns(
    tmp_path: Path, settings: Settings, content: Content, engine: AsyncEngine, clock: FakeClock
) -> None:
    english, others = load_languages(_broken(tmp_path, "estrés,desencadenantes", "estrés"))
    with pytest.raises(ValueError, match="es: the CSV needs 15 column names"):
        build_services(settings, english, session_factory(engine), clock, translations=others)
