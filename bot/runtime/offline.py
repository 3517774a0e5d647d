"""An in-process stand-in for the Bot API: the console chat and the tests talk to it, not Telegram."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

TIMEOUT_AFTER_DELIVERY = -1  # Failure.code: the call is performed, then the client times out
CONNECTION_REFUSED = -2  # Failure.code: nothing reaches the server
BOT_USER = {"id": 7000000001, "is_bot": True, "first_name": "Spasm Diary", "username": "SpasmDiaryBot"}
JsonDict = dict[str, Any]


@dataclass
class ApiCall:
    method: str
    params: JsonDict
    result: Any = None


@dataclass
class Failure:
    """An error to answer instead of performing a call (e.g. 403 for a blocked bot)."""

    code: int
    description: str
    retry_after: int | None = None
    times: int = 1


@dataclass
class FakeTelegram:
    """The state a Bot API server keeps: messages per chat, plus a log of every call."""

    calls: list[ApiCall] = field(default_factory=list)
    messages: dict[tuple[int, int], JsonDict] = field(default_factory=dict)
    failures: dict[tuple[str, int | None], Failure] = field(default_factory=dict)
    listeners: list[Callable[[ApiCall], None]] = field(default_factory=list)
    updates: list[JsonDict] = field(default_factory=list)  # waiting for getUpdates
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # file_id -> (name, content)
    confirmed_below: int = 0  # every update_id below this was acknowledged by an offset
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, method: str, failure: Failure, chat_id: int | None = None) -> None:
        self.failures[(method, chat_id)] = failure

    def handle(
        self, method: str, params: JsonDict, uploads: dict[str, tuple[str, bytes]] | None = None
    ) -> tuple[int, JsonDict]:
        """Answer one Bot API call; `uploads` are the files sent with it, by part name."""
        if uploads:
            params = {**params, **{name: self._store(*upload) for name, upload in uploads.items()}}
        with self._lock:
            failure = self._take_failure(method, params)
            if failure is not None and failure.code == TIMEOUT_AFTER_DELIVERY:
                self.calls.append(ApiCall(method, params, self._perform(method, params)))
            if failure is not None:
                body: JsonDict = {"ok": False, "error_code": failure.code, "description": failure.description}
                if failure.retry_after is not None:
                    body["parameters"] = {"retry_after": failure.retry_after}
                return failure.code, body
            call = ApiCall(method, params)
            call.result = self._perform(method, params)
            self.calls.append(call)
        for listener in self.listeners:
            listener(call)
        if call.result is None:
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: message not found"}
        return 200, {"ok": True, "result": call.result}

    def _store(self, filename: str, content: bytes) -> JsonDict:
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = (filename, content)
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": filename,
            "file_size": len(content),
        }

    def _take_failure(self, method: str, params: JsonDict) -> Failure | None:
        chat = params.get("chat_id")
        for key in ((method, int(chat) if chat is not None else None), (method, None)):
            failure = self.failures.get(key)
            if failure is not None:
                failure.times -= 1
                if failure.times <= 0:
                    del self.failures[key]
                return failure
        return None

    def _perform(self, method: str, params: JsonDict) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "sendMessage":
            chat_id = int(params["chat_id"])
            message = self._message(chat_id, next(self._ids), params)
            self.messages[(chat_id, message["message_id"])] = message
            return message
        if method in ("sendPhoto", "sendDocument"):
            chat_id = int(params["chat_id"])
            message = self._message(chat_id, next(self._ids), {"reply_markup": params.get("reply_markup")})
            message.pop("text")
            if params.get("caption"):
                message["caption"] = params["caption"]
            upload = params["photo" if method == "sendPhoto" else "document"]
            if method == "sendPhoto":
                message["photo"] = [{**upload, "width": 800, "height": 460}]
            else:
                message["document"] = upload
            self.messages[(chat_id, message["message_id"])] = message
            return message
        if method in ("editMessageText", "editMessageReplyMarkup"):
            key = (int(params["chat_id"]), int(params["message_id"]))
            if key not in self.messages:
                return None
            message = self.messages[key]
            if method == "editMessageText":
                message["text"] = params["text"]
            message.pop("reply_markup", None)
            if params.get("reply_markup"):
                message["reply_markup"] = _json(params["reply_markup"])
            return message
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            if offset:
                self.confirmed_below = max(self.confirmed_below, offset)
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            return self.updates[: int(params.get("limit") or 100)]
        return True

    @staticmethod
    def _message(chat_id: int, message_id: int, params: JsonDict) -> JsonDict:
        message: JsonDict = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = _json(params["reply_markup"])
        return message

    def sent_to(self, chat_id: int) -> list[ApiCall]:
        return [c for c in self.calls if c.method == "sendMessage" and int(c.params["chat_id"]) == chat_id]

    def uploads_to(self, chat_id: int, method: str) -> list[tuple[ApiCall, str, bytes]]:
        """sendPhoto / sendDocument calls to a chat, with each file's name and content."""
        found = []
        for call in self.calls:
            if call.method == method and int(call.params["chat_id"]) == chat_id:
                upload = call.params["photo" if method == "sendPhoto" else "document"]
                name, content = self.files[upload["file_id"]]
                found.append((call, name, content))
        return found


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


class OfflineRequest(BaseRequest):
    """A PTB request layer that answers from a FakeTelegram instead of the network."""

    def __init__(self, telegram: FakeTelegram, latency: float = 0.0) -> None:
        self.telegram = telegram
        self.latency = latency  # seconds each call but getUpdates takes, as a real round trip would

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        if self.latency and api_method != "getUpdates":
            await asyncio.sleep(self.latency)
        params = request_data.parameters if request_data else {}
        uploads = {}
        for name, part in (request_data.multipart_data if request_data else {}).items():
            filename, content = part[0], part[1]
            uploads[name] = (filename or name, content if isinstance(content, bytes) else content.read())
        code, body = self.telegram.handle(api_method, dict(params), uploads)
        if api_method == "getUpdates" and body.get("result") == []:
            await asyncio.sleep(0.01)  # stands in for the long poll's wait
        if code == TIMEOUT_AFTER_DELIVERY:
            raise TimedOut("offline: timed out after delivery") from httpx.ReadTimeout("read timeout")
        if code == CONNECTION_REFUSED:
            raise NetworkError("offline: connection refused") from httpx.ConnectError("refused")
        return code, json.dumps(body).encode()


@dataclass
class Person:
    """Builds the updates one person's taps and messages produce, as Telegram would send them."""

    user_id: int
    first_name: str = "Alex"
    language_code: str | None = None  # the language of their Telegram app, e.g. "es" or "en-GB"
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def user(self) -> JsonDict:
        user: JsonDict = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def message(self, text: str, update_id: int, reply_to: JsonDict | None = None) -> JsonDict:
        """A text message; `reply_to` is a message of the bot's it answers (Telegram's Reply)."""
        message: JsonDict = {
            "message_id": 10_000_000 + next(self._ids),
            "date": int(time.time()),
            "chat": {"id": self.user_id, "type": "private", "first_name": self.first_name},
            "from": self.user,
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return {"update_id": update_id, "message": message}

    def message_builder(self, text: str) -> Callable[[int], JsonDict]:
        """The message as a function of its update_id, for servers that assign ids."""
        return lambda update_id: self.message(text, update_id)

    def press_builder(self, message: JsonDict, data: str) -> Callable[[int], JsonDict]:
        return lambda update_id: self.press(message, data, update_id)

    def press(self, message: JsonDict, data: str, update_id: int) -> JsonDict:
        query = {
            "id": f"{self.user_id}-{next(self._ids)}",
            "from": self.user,
            "chat_instance": str(self.user_id),
            "data": data,
            "message": message,
        }
        return {"update_id": update_id, "callback_query": query}


def buttons_of(message: JsonDict) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button on a message, row by row."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]
