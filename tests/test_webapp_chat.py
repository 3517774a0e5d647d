"""Where the Mini App is opened from in the chat, once WEBAPP_URL is set: the menu button, and a
button under /history and /summary. Without it, none of them appears."""

from __future__ import annotations

import json
import random
from typing import Any
from urllib.parse import unquote

from aiohttp import ClientSession, web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.content import Content
from bot.domain.notes import notes_of
from bot.runtime.alarms import AlarmSender
from bot.runtime.console import CONSOLE_USER_ID
from bot.runtime.lifecycle import Runtime
from bot.runtime.offline import Failure, Person
from bot.runtime.web_app_server import WebAppServer, console_url
from bot.services.registry import Services, build_services
from bot.services.webapp import WebAppService
from bot.storage.db import session_factory
from bot.storage.models import SafetyEvent
from bot.webapp.init_data import sign
from tests.conftest import FakeClock
from tests.harness import Chat, Harness, start_harness
from tests.helpers import checkins, onboard, quiet_day, rows

URL = "https://diary.example/app/"


def web_app_buttons(markup: Any) -> list[tuple[str, str]]:
    rows = (json.loads(markup) if isinstance(markup, str) else markup or {}).get("inline_keyboard", [])
    return [(b["text"], b["web_app"]["url"]) for row in rows for b in row if "web_app" in b]


async def test_the_menu_history_and_summary_open_the_page_when_it_is_served(
    settings: Settings, content: Content, engine: AsyncEngine, clock: FakeClock
) -> None:
    for url in (URL, None):
        served = settings.model_copy(update={"webapp_url": url})
        services = build_services(served, content, session_factory(engine), clock, random.Random(7))
        async with start_harness(served, services) as harness:
            menu = [c.params for c in harness.telegram.calls if c.method == "setChatMenuButton"]
            chat = harness.chat(111 if url else 112)
            await onboard(chat)
            for _ in range(3):
                await quiet_day(chat)
                clock.advance(days=1)
            await chat.send("/history")
            listed = web_app_buttons(chat.keyboard_message().get("reply_markup"))
            calls = await chat.send("/summary")
            photo = [c.params for c in calls if c.method == "sendPhoto"]
            opened = web_app_buttons(photo[0].get("reply_markup")) if photo else []
        if url:
            buttons = [m["menu_button"] for m in menu]
            assert [(json.loads(b) if isinstance(b, str) else b)["web_app"]["url"] for b in buttons] == [URL]
            assert listed == [(content.messages.webapp.open_button, URL)]
            assert opened == [(content.messages.webapp.open_button, URL)]
        else:
            assert menu == [] and listed == [] and opened == []


def page_of(runtime: Runtime, clock: FakeClock) -> tuple[web.Application, dict[str, str]]:
    """The Mini App's routes as the runtime serves them, and Ann's signed headers for them."""
    assert runtime.web_routes is not None
    app = web.Application()
    runtime.web_routes(app)
    user = json.dumps({"id": 111, "first_name": "Ann", "language_code": "en"})
    signed = sign({"auth_date": str(int(clock().timestamp())), "user": user}, runtime.application.bot.token)
    return app, {"Authorization": f"tma {signed}"}


async def a_saved_day(harness: Harness, services: Services, clock: FakeClock) -> tuple[Any, AlarmSender, Any]:
    """Ann's saved day, the runtime's emergency replies, and the page's routes signed for her."""
    await onboard(harness.chat(111))
    await quiet_day(harness.chat(111))
    entry = next(c for c in await checkins(services) if c.status == "done")
    assert harness.runtime.alarms is not None
    return entry, harness.runtime.alarms, page_of(harness.runtime, clock)


async def test_the_chats_card_shows_what_the_page_changed(
    settings: Settings, content: Content, engine: AsyncEngine, clock: FakeClock
) -> None:
    served = settings.model_copy(update={"webapp_url": URL})
    services = build_services(served, content, session_factory(engine), clock, random.Random(7))
    async with start_harness(served, services) as harness:
        chat = harness.chat(111)
        await onboard(chat)
        await quiet_day(chat)
        card = chat.keyboard_message()
        entry = next(c for c in await checkins(services) if c.status == "done")
        app, headers = page_of(harness.runtime, clock)
        async with TestClient(TestServer(app)) as page:
            await page.post("/app/api/note", headers=headers, json={"entry": entry.id, "text": "windy walk"})
            assert "windy walk" in harness.telegram.messages[(111, card["message_id"])]["text"]
            await page.post("/app/api/delete", headers=headers, json={"entry": entry.id})
        assert harness.telegram.messages[(111, card["message_id"])]["text"].startswith(
            "Deleted your entry of"
        )


async def test_the_consoles_link_signs_in_its_own_person(settings: Settings, services: Services) -> None:
    """The console (no real token) prints a local link signed with its offline token: it opens
    that person's diary, and a link with the signature changed opens nothing."""
    async with start_harness(settings, services) as harness:
        chat = harness.chat(CONSOLE_USER_ID)
        await onboard(chat)
        await quiet_day(chat)
        pages = WebAppServer(harness.runtime, "127.0.0.1", 0)
        await pages.start()
        try:
            token = harness.runtime.application.bot.token
            url = console_url(pages.port, CONSOLE_USER_ID, token, int(services.clock().timestamp()), "en")
            signed = unquote(url.split("#tgWebAppData=")[1])
            async with ClientSession() as http:
                api = f"http://127.0.0.1:{pages.port}/app/api/diary?period=week"
                async with http.get(api, headers={"Authorization": f"tma {signed}"}) as reply:
                    assert reply.status == 200 and len((await reply.json())["entries"]) == 1
                forged = signed.replace("hash=", "hash=0")
                async with http.get(api, headers={"Authorization": f"tma {forged}"}) as reply:
                    assert reply.status == 401
        finally:
            await pages.stop()


async def test_a_red_flag_in_a_page_note_reaches_the_chat_once_even_while_telegram_fails(
    settings: Settings, content: Content, engine: AsyncEngine, clock: FakeClock
) -> None:
    """The page may be closed the moment the note is sent: the chat gets the emergency reply
    too, kept and retried like any other until Telegram takes it, and never twice."""
    served = settings.model_copy(update={"webapp_url": URL})
    services = build_services(served, content, session_factory(engine), clock, random.Random(7))
    async with start_harness(served, services) as harness:
        entry, alarms, (app, headers) = await a_saved_day(harness, services, clock)
        harness.telegram.fail("sendMessage", Failure(502, "Bad Gateway", times=3), 111)
        text = "cant lift my left arm and my words come out wrong"
        async with TestClient(TestServer(app)) as page:
            note = {"entry": entry.id, "text": text}
            reply = await page.post("/app/api/note", headers=headers, json=note)
            assert (await reply.json())["emergency"].startswith("Call 112 now.")
        await alarms.settle()
        assert not [c for c in harness.telegram.sent_to(111) if c.params["text"].startswith("Call 112")]
        for _ in range(4):  # the leader's tick tries again until Telegram takes it
            clock.advance(seconds=20)
            await alarms.send_due()
        sent = [c for c in harness.telegram.sent_to(111) if c.params["text"].startswith("Call 112 now.")]
        assert len(sent) == 1
    events = [(e.level, e.source) for e in await rows(services, SafetyEvent)]
    assert events == [("emergency", "webapp")]
    assert text in [n.text for c in await checkins(services) for n in notes_of(c.notes)]


async def test_a_page_emergency_is_shown_even_when_the_database_fails_and_a_double_save_sends_once(
    settings: Settings, content: Content, engine: AsyncEngine, clock: FakeClock, monkeypatch: Any
) -> None:
    served = settings.model_copy(update={"webapp_url": URL})
    services = build_services(served, content, session_factory(engine), clock, random.Random(7))
    async with start_harness(served, services) as harness:
        entry, alarms, (app, headers) = await a_saved_day(harness, services, clock)
        text = "my husband collapsed and is not breathing"
        async with TestClient(TestServer(app)) as page:
            for _ in range(2):  # a double tap on Save
                reply = await page.post(
                    "/app/api/note", headers=headers, json={"entry": entry.id, "text": text}
                )
                assert (await reply.json())["emergency"].startswith("Call 112 now.")
            await alarms.settle()

            async def broken(*_: Any, **__: Any) -> Any:
                raise RuntimeError("database is locked")

            monkeypatch.setattr(services.alarms, "keep", broken)
            monkeypatch.setattr(services.escalation, "record", broken)
            monkeypatch.setattr(WebAppService, "add_note", broken)
            note = {"entry": entry.id, "text": "she fell and is shaking all over"}
            reply = await page.post("/app/api/note", headers=headers, json=note)
            shown = await reply.json()
            assert shown["emergency"].startswith("Call 112 now.") and shown["ok"] is False
        sent = [c for c in harness.telegram.sent_to(111) if c.params["text"].startswith("Call 112 now.")]
        assert len(sent) == 1
    assert len(await rows(services, SafetyEvent)) == 1


async def test_the_menu_button_is_labelled_in_each_persons_language(
    settings: Settings, content: Content, spanish: Content, engine: AsyncEngine, clock: FakeClock
) -> None:
    served = settings.model_copy(update={"webapp_url": URL})
    complete = spanish.model_copy(update={"missing": ()})
    db = session_factory(engine)
    services = build_services(served, content, db, clock, random.Random(7), translations={"es": complete})
    async with start_harness(served, services) as harness:
        ana, alex = Chat(harness, Person(222, "Ana", "es-ES")), harness.chat(111)

        def labels(chat: int) -> list[str]:
            calls = [c.params for c in harness.telegram.calls if c.method == "setChatMenuButton"]
            found = [c["menu_button"] for c in calls if int(c.get("chat_id") or 0) == chat]
            buttons = [json.loads(b) if isinstance(b, str) else b for b in found]
            return [b.get("text", b["type"]) for b in buttons]

        await ana.send("/start")
        await alex.send("/start")
        assert labels(222) == ["Diario"] and labels(111) == []  # the bot's own label is English
        await alex.send("/language")
        await alex.tap("Español")
        assert labels(111) == ["Diario"]
        await ana.send("/delete")
        await ana.tap(complete.messages.privacy.delete_yes)
        assert labels(222) == ["Diario", "default"]  # nothing of hers is left on the button
