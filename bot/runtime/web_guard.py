"""A listening site whose connections must bring a whole request in time. aiohttp has no limit on
how long a client may take over its headers: one sending a byte every few seconds would hold its
connection for ever, and a few hundred of them would lock Telegram out."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)
REQUEST_SECONDS = 15.0  # from connecting, or from the last request, to the next request's handler


class _Deadline(asyncio.Protocol):
    """aiohttp's own protocol inside, unchanged; the connection closes when no request reached a
    handler within the deadline (quietly if nothing came at all: an idle keep-alive)."""

    def __init__(self, inner: Any, guard: RequestGuard) -> None:
        self._inner = inner
        self._guard = guard
        self._transport: asyncio.Transport | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._requested = False  # a request reached a handler since the timer was set
        self.active = 0  # requests being handled now (a slow database is not a slow client)
        self._partial = False  # bytes came since then

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._guard.open[transport] = self
        self._inner.connection_made(transport)
        self._arm()

    def _arm(self) -> None:
        self._requested = self._partial = False
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self._guard.seconds, self._check)

    def _check(self) -> None:
        if self._requested or self.active:
            self._arm()
            return
        if self._partial:
            log.warning("a webhook client did not finish its request in %g s; closed", self._guard.seconds)
        if self._transport is not None:
            self._transport.abort()  # not close(): a client that never reads would keep it open

    def requested(self) -> None:
        self._requested = True

    def data_received(self, data: bytes) -> None:
        self._partial = True
        self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return bool(self._inner.eof_received())

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
        if self._transport is not None:
            self._guard.open.pop(self._transport, None)
        self._inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self._inner.pause_writing()

    def resume_writing(self) -> None:
        self._inner.resume_writing()


class RequestGuard:
    """`middleware` for the app, `site` to listen with."""

    def __init__(self, seconds: float = REQUEST_SECONDS) -> None:
        self.seconds = seconds
        self.open: dict[asyncio.BaseTransport, _Deadline] = {}

    @web.middleware
    async def middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        guarded = self.open.get(request.transport) if request.transport is not None else None
        if guarded is None:
            return await handler(request)  # type: ignore[no-any-return]
        guarded.active += 1
        try:
            response = await handler(request)
        finally:
            guarded.active -= 1
        if response.status < 400:  # a refused request (no secret, say) buys no more time
            guarded.requested()
        return response  # type: ignore[no-any-return]

    def site(self, runner: web.AppRunner, host: str, port: int) -> web.BaseSite:
        return _GuardedSite(runner, host, port, self)


class _GuardedSite(web.BaseSite):
    def __init__(self, runner: web.AppRunner, host: str, port: int, guard: RequestGuard) -> None:
        super().__init__(runner)
        self._host, self._port, self._guard = host, port, guard

    @property
    def name(self) -> str:
        return f"http://{self._host}:{self._port}"

    async def start(self) -> None:
        await super().start()
        server = self._runner.server
        assert server is not None
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            lambda: _Deadline(server(), self._guard), self._host, self._port, reuse_address=True
        )
