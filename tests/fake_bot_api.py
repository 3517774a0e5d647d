"""A Bot API HTTP server for end-to-end tests: long-polled getUpdates plus the FakeTelegram state."""

from __future__ import annotations

import json
import random
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from bot.runtime.offline import ApiCall, FakeTelegram

JsonDict = dict[str, Any]


def _alive(client: socket.socket) -> bool:
    """Whether the client is still waiting on this connection (not closed, not killed)."""
    try:
        return client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def _multipart(content_type: str, body: bytes) -> tuple[JsonDict, dict[str, tuple[str, bytes]]]:
    """Form fields and uploaded files of a multipart/form-data body (as sendPhoto sends them)."""
    message = BytesParser(policy=default).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    fields: JsonDict = {}
    files: dict[str, tuple[str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is not None:
            files[str(name)] = (filename, content)
        else:
            fields[str(name)] = content.decode()
    return fields, files


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-poll (the bot stopping) is not a server error."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@dataclass
class Faults:
    """What a misbehaving Bot API does to deliveries (sendMessage and the like), at random."""

    too_many: float = 0.0  # 429 with retry_after
    server_error: float = 0.0  # 500, nothing delivered
    slow_after_delivery: float = 0.0  # delivered, then no answer before the client times out
    slow_seconds: float = 3.0
    latency: float = 0.0  # seconds every call but getUpdates takes (a round trip to Telegram)
    seed: int = 1
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)


DELIVERIES = ("sendMessage", "editMessageText", "sendPhoto", "sendDocument")


class FakeBotApiServer:
    def __init__(self, token: str, faults: Faults | None = None) -> None:
        self.faults = faults or Faults()
        self.token = token
        self.telegram = FakeTelegram()
        self._pending: list[JsonDict] = []
        self._next_update_id = 1
        self._confirmed_below = 0
        self._polling: list[socket.socket] = []  # getUpdates calls waiting, by their connection
        self.overlapping_polls = 0  # a getUpdates while another live client's was waiting (409)
        self._changed = threading.Condition()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def outage(self, seconds: float) -> None:
        """Stop listening for a while: connections are refused, nothing is delivered."""
        self._server.shutdown()
        self._server.server_close()
        time.sleep(seconds)
        self._server = _QuietServer(("127.0.0.1", self._port), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def __enter__(self) -> FakeBotApiServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def push(self, build: Callable[[int], JsonDict]) -> int:
        """Queue an update for getUpdates; `build` receives the update_id to use."""
        with self._changed:
            update_id = self._next_update_id
            self._next_update_id += 1
            self._pending.append(build(update_id))
            self._changed.notify_all()
            return update_id

    @property
    def next_update_id(self) -> int:
        with self._changed:
            return self._next_update_id

    def confirmed(self, update_id: int) -> bool:
        """Has the bot acknowledged this update (asked for a later offset)?"""
        with self._changed:
            return self._confirmed_below > update_id

    def wait_for(self, predicate: Callable[[list[ApiCall]], Any], timeout: float = 30.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = predicate(list(self.telegram.calls))
            if result:
                return result
            time.sleep(0.05)
        raise AssertionError(f"timed out; last calls: {[c.method for c in self.telegram.calls[-10:]]}")

    def _faulty(
        self, method: str, params: JsonDict, uploads: dict[str, tuple[str, bytes]]
    ) -> tuple[int, JsonDict]:
        faults, roll = self.faults, self.faults.rng.random()
        if faults.latency:
            time.sleep(faults.latency)  # this request's own thread
        if method in DELIVERIES:
            if roll < faults.too_many:
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests",
                    "parameters": {"retry_after": 1},
                }
            if roll < faults.too_many + faults.server_error:
                return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            if roll < faults.too_many + faults.server_error + faults.slow_after_delivery:
                answer = self.telegram.handle(method, params, uploads)
                time.sleep(faults.slow_seconds)  # the client gives up first; the message went out
                return answer
        return self.telegram.handle(method, params, uploads)

    def _get_updates(self, params: JsonDict, client: socket.socket) -> JsonDict:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        with self._changed:
            self._polling = [c for c in self._polling if _alive(c)]
            if self._polling:  # two pollers at once: Telegram answers 409 Conflict
                self.overlapping_polls += 1
            self._polling.append(client)
            try:
                if offset:
                    self._confirmed_below = max(self._confirmed_below, offset)
                    self._pending = [u for u in self._pending if u["update_id"] >= offset]
                while not self._pending and time.monotonic() < deadline and _alive(client):
                    self._changed.wait(min(0.05, deadline - time.monotonic()))
                limit = min(max(int(params.get("limit") or 100), 1), 100)  # as Telegram caps it
                return {"ok": True, "result": self._pending[:limit]}
            finally:
                self._polling.remove(client)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                prefix = f"/bot{api.token}/"
                if not self.path.startswith(prefix):
                    self._answer(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                method = self.path.removeprefix(prefix)
                params, uploads = self._params()
                if method == "getUpdates":
                    self._answer(200, api._get_updates(params, self.connection))
                    return
                code, body = api._faulty(method, params, uploads)
                self._answer(code, body)

            def _params(self) -> tuple[JsonDict, dict[str, tuple[str, bytes]]]:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                kind = self.headers.get("Content-Type", "")
                if kind.startswith("multipart/form-data"):
                    return _multipart(kind, raw)
                if kind.startswith("application/json"):
                    return dict(json.loads(raw or b"{}")), {}
                return dict(parse_qsl(raw.decode())), {}

            def _answer(self, code: int, body: JsonDict) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                return

        return Handler
