"""The Mini App's requests: its page, the diary as JSON, a note added and an entry deleted.
Each API request is the person's own (auth.person_of); ids and bodies are bounded first."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiohttp import web
from telegram import Bot
from telegram.error import TelegramError

from bot.content import Content
from bot.domain.checkin_flow import Outcome
from bot.services.alarms import Alarm, Emergency
from bot.services.languages import offered_code
from bot.services.registry import Services
from bot.services.webapp import WebAppService
from bot.webapp.init_data import WebAppUser
from handlers.views.checkin import checkin_card
from handlers.views.safety import emergency_text
from handlers.views.screen import Screen
from handlers.webapp.auth import person_of
from handlers.webapp.views import cycles_json, entry_json, labels, page_words, treatments_json

log = logging.getLogger(__name__)
PAGE = Path(__file__).resolve().parent / "page"
FILES = {"": ("index.html", "text/html"), "app.js": ("app.js", "text/javascript"),
         "correct.js": ("correct.js", "text/javascript"), "app.css": ("app.css", "text/css")}  # fmt: skip
MAX_ID = 2**31 - 1  # what the entries' id column holds
MAX_BODY = 16 * 1024
PERIODS = {"week": 7, "month": 31, "cycles": 366}


Spawn = Callable[[list[Alarm]], None]


def add_routes(
    app: web.Application, services: Services, token: str, bot: Bot | None = None,
    send_alarms: Spawn | None = None,
) -> None:  # fmt: skip
    """`bot`: the chat's cards are redrawn through it after a change made in the page;
    `send_alarms`: an emergency reply kept for the chat is sent at once through it."""
    api = Api(services, token, bot, send_alarms)
    app.router.add_get("/app", to_page)
    app.router.add_get("/app/{name:(app\\.js|correct\\.js|app\\.css)?}", page_file)
    app.router.add_get("/app/api/words", api.words)
    app.router.add_get("/app/api/diary", api.diary)
    app.router.add_post("/app/api/note", api.note)
    app.router.add_post("/app/api/delete", api.delete)
    app.router.add_post("/app/api/correct", api.correct)


async def to_page(_request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound("/app/")


async def page_file(request: web.Request) -> web.StreamResponse:
    name, kind = FILES[request.match_info["name"]]
    body = (PAGE / name).read_bytes()
    return web.Response(body=body, content_type=kind, headers={"Cache-Control": "no-cache"})


class Api:
    def __init__(self, services: Services, token: str, bot: Bot | None, send_alarms: Spawn | None) -> None:
        self._services = services
        self._token = token
        self._bot = bot
        self._send_alarms = send_alarms
        self._diary = WebAppService(services.db, services.clock)

    async def _language(self, request: web.Request) -> tuple[int, Content]:
        user, content = await self._who(request)
        return user.telegram_id, content

    async def _who(self, request: web.Request) -> tuple[WebAppUser, Content]:
        user = person_of(request, self._services, self._token)
        code = await self._services.languages.of(user.telegram_id, user.language_code)
        return user, self._services.languages.content(code)

    async def words(self, request: web.Request) -> web.Response:
        """The page's words alone, for a page opened without Telegram's signature: no one's data."""
        languages = self._services.languages
        code = offered_code(request.query.get("lang", "")[:16], languages.offered)
        content = languages.content(code)
        return web.json_response({"words": page_words(content)})

    async def diary(self, request: web.Request) -> web.Response:
        person, content = await self._language(request)
        days = PERIODS.get(request.query.get("period", "month"), PERIODS["month"])
        found = await self._diary.diary(person, days)
        reply: dict[str, Any] = {"words": page_words(content), "labels": labels(content)}
        if found is None:
            return web.json_response({**reply, "set_up": False})
        overview = await self._services.treatments.overview(person)
        return web.json_response({
            **reply, "set_up": True, "today": found.today.isoformat(), "first": found.first.isoformat(),
            "entries": [entry_json(content, e) for e in found.entries], "cycles": cycles_json(overview),
            "treatments": treatments_json(content, found),
        })  # fmt: skip

    async def note(self, request: web.Request) -> web.Response:
        user, content = await self._who(request)
        person = user.telegram_id
        body = await _body(request)
        entry, text = _entry_id(body), body.get("text")
        if entry is None or not isinstance(text, str):
            raise web.HTTPBadRequest(text='{"error": "bad request"}', content_type="application/json")
        # A red flag in a note is answered first, as anywhere else (the note is still kept).
        alarm = await self._emergency(person, content, text, user.language_code)
        words = content.messages.webapp
        try:
            result = await self._diary.add_note(person, entry, text)
        except Exception:  # nothing saved, said plainly, and the emergency wording still shown
            log.exception("a Mini App note could not be saved")
            return web.json_response({"ok": False, "say": words.error, **alarm}, status=500)
        if result is None or result.view is None:
            return web.json_response({"ok": False, "say": words.gone, **alarm}, status=404)
        if result.outcome is not Outcome.NOTE_SAVED:
            empty = result.outcome is Outcome.NOTE_EMPTY
            say = words.note_empty if empty else words.note_too_long
            return web.json_response({"ok": False, "say": say, **alarm})
        saved = entry_json(content, result.view)
        await self._redraw(person, result.view.message_id, checkin_card(content, result.view))
        return web.json_response({"ok": True, "say": words.note_saved, "entry": saved, **alarm})

    async def _emergency(
        self, person: int, content: Content, text: str, app_language: str | None
    ) -> dict[str, str]:
        """The page shows the emergency wording at once, and the chat gets it too, kept and retried
        like any emergency reply (the page may be closed the moment the note is sent). The wording
        is made first: a database that fails afterwards never takes it from the page."""
        found = self._services.triager.triage(text)
        if found.level != "emergency":
            return {}
        number = await self._services.escalation.number_for(person)  # never raises
        shown = {"emergency": emergency_text(content, number, found.reasons)}
        key = _note_key(person, text)
        sender = {"id": person, "language_code": app_language}
        message = {"chat": {"id": person}, "from": sender, "message_id": None}
        try:
            kept = await self._services.alarms.keep([Emergency(key, message, found.reasons)])
            if self._send_alarms is not None:
                self._send_alarms(kept)
        except Exception:  # the page still shows the wording; the log says the chat missed it
            log.exception("the chat's copy of a Mini App emergency reply could not be kept")
        try:
            await self._services.escalation.record(person, "emergency", found.reasons, "webapp", key)
        except Exception:
            log.exception("a Mini App emergency could not be recorded")
        return shown

    async def correct(self, request: web.Request) -> web.Response:
        person, content = await self._language(request)
        body = await _body(request)
        entry = _entry_id(body)
        if entry is None:
            raise web.HTTPBadRequest(text='{"error": "bad request"}', content_type="application/json")
        changes = {k: v for k, v in body.items() if k != "entry"}
        done = await self._diary.correct(person, entry, changes)
        words = content.messages.webapp
        if done.view is None:
            return web.json_response({"ok": False, "say": words.gone}, status=404)
        if done.problem is not None:
            say = {"no_spasm": words.no_strength, "choice": words.bad_choice}.get(
                done.problem, words.bad_number
            )
            return web.json_response({"ok": False, "say": say})
        await self._redraw(person, done.view.message_id, checkin_card(content, done.view))
        return web.json_response(
            {"ok": True, "say": words.corrected, "entry": entry_json(content, done.view)}
        )

    async def delete(self, request: web.Request) -> web.Response:
        person, content = await self._language(request)
        entry = _entry_id(await _body(request))
        if entry is None:
            raise web.HTTPBadRequest(text='{"error": "bad request"}', content_type="application/json")
        shown = await self._services.history.show(person, entry, None)  # where its card is
        day = await self._services.history.delete(person, entry)
        words = content.messages.webapp
        if day is None or shown is None:
            return web.json_response({"ok": False, "say": words.gone}, status=404)
        gone = content.messages.history.deleted.format(date=day.isoformat())
        await self._redraw(person, shown.message_id, Screen(gone))
        said = content.messages.history.deleted.format(date=content.day(day))
        return web.json_response({"ok": True, "say": said})

    async def _redraw(self, person: int, message_id: int | None, screen: Screen) -> None:
        """The entry's card in the chat says what the page changed (after the change committed)."""
        if self._bot is None or message_id is None:
            return
        try:
            await self._bot.edit_message_text(
                screen.text, chat_id=person, message_id=message_id, reply_markup=screen.markup
            )
        except TelegramError as exc:  # too old to edit, or gone: the page and the diary are right
            log.info("an entry's card was not redrawn (%s)", type(exc).__name__)


async def _body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object, or 400: too big, not JSON, not an object."""
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(MAX_BODY, request.content_length)
    raw = await request.content.read(MAX_BODY + 1)
    try:
        body = json.loads(raw) if len(raw) <= MAX_BODY else None
    except (ValueError, RecursionError):
        body = None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text='{"error": "bad request"}', content_type="application/json")
    return body


def _note_key(person: int, text: str) -> int:
    """Not a Telegram update's id: negative, so it never meets an update's reply. The same note
    sent twice within a minute (a double tap on Save) is one emergency reply, not two."""
    minute = int(time.time() // 60)
    digest = hashlib.blake2b(f"{person}\n{minute}\n{text}".encode(), digest_size=8).digest()
    return -1 - (int.from_bytes(digest, "big") >> 2)


def _entry_id(body: dict[str, Any]) -> int | None:
    value = body.get("entry")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        return None
    return value
