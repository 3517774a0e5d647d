"""A Spanish speaker on a phone, against the real process over HTTP: onboarding, a scheduled
check-in by taps and a typed one, every word in Spanish."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select

from bot.runtime.offline import Person
from bot.storage.db import session_factory
from bot.storage.models import Checkin, User
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApiServer
from tests.test_end_to_end import make_due_now


async def test_a_person_with_a_spanish_app_onboards_and_checks_in_all_in_spanish(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(454545, "Ana", "es-MX"))
    try:
        bot.say("/start")
        bot.wait_text("¿en qué zona horaria estás?")
        bot.press("Ciudad de México")
        bot.wait_text("¿A qué hora quieres que te pregunte")
        bot.press("08:00")
        bot.wait_text("¡Todo listo!")
        await make_due_now(engine, 454545)
        bot.wait_text("Es la hora de tu check-in")
        bot.press("No")
        bot.wait_text("¿Cuánto estrés")
        bot.press("4")
        bot.wait_text("¿Cuántas horas dormiste?")
        bot.press("7")
        bot.press("Tiempo frente a pantallas")
        api.wait_for(lambda _: "✅ Tiempo frente a pantallas" in str(bot._keyboard()))
        bot.press("Listo")
        bot.wait_text("Guardado ✅")
        bot.wait_text("Algo que puede ayudarte")
        bot.say("me tiembla la mejilla derecha, leve, como una hora. estresada")
        bot.wait_text("Esto es lo que entendí")
        bot.press("Nada de esto")
        bot.wait_text("¿Es correcto?")
        bot.press("Guardar")
        bot.wait_count("Guardado ✅", 2)
    finally:
        bot.stop()
    async with session_factory(engine)() as session:
        user = (await session.exec(select(User))).one()
        entries = list(await session.exec(select(Checkin).order_by(col(Checkin.id))))
    assert (user.language, user.timezone, user.checkin_minute) == ("es", "America/Mexico_City", 480)
    tapped = entries[0]
    assert (tapped.status, tapped.had_spasm, tapped.stress, tapped.triggers) == ("done", False, 4, "screen")
    typed = entries[-1]
    assert (typed.status, typed.sides, typed.severity, typed.duration_minutes) == (
        "done",
        "cheek:right",
        3,
        60,
    )
    english = ("Time for your check-in", "All set", "Saved", "Something that may help")
    sent = [c.params["text"] for c in api.telegram.calls if c.method == "sendMessage"]
    assert not [t for t in sent if any(words in t for words in english)]
    menus = {c.params.get("language_code") for c in api.telegram.calls if c.method == "setMyCommands"}
    assert "es" in menus
