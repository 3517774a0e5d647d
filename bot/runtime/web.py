"""Webhook mode: an update is stored before Telegram gets its 200, then handled from the store.
Any process may receive. On SQLite the one process handles everything; on PostgreSQL each process
handles the lanes of people it holds (bot/runtime/lanes.py), and the leader resends emergency
replies."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging

from aiohttp import web
from telegram import Update

from bot.runtime.dispatch import Dispatcher
from bot.runtime.inbox import DurablePoller
from bot.runtime.lifecycle import Runtime
from bot.runtime.update_input import parse_update
from bot.runtime.web_guard import RequestGuard
from bot.storage.fencing import NotLeader, leading

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024
BODY_SECONDS = 10.0  # a body still not sent by then is a slow (or hostile) client
DRAIN_EVERY = 1.0  # seconds; a received update also wakes the drainer at once


class WebhookReceiver:
    def __init__(self, runtime: Runtime, url: str, dispatcher: Dispatcher | None = None) -> None:
        """`dispatcher`: one handling this process's share of the lanes (PostgreSQL)."""
        settings = runtime.services.settings
        assert settings.webhook_secret is not None
        self._runtime = runtime
        self._inbox = DurablePoller(runtime, dispatcher)
        self._shared = dispatcher is not None and dispatcher.lanes.shared
        self._url = url
        self._secret = settings.webhook_secret.get_secret_value()
        self._listen, self._port, self._path = (
            settings.webhook_listen,
            settings.webhook_port,
            settings.webhook_path,
        )
        self._wake = asyncio.Event()
        self._site_runner: web.AppRunner | None = None

    async def start(self) -> None:
        guard = RequestGuard()  # slow clients are cut off, so they cannot hold every connection
        app = web.Application(client_max_size=MAX_BODY, middlewares=[guard.middleware])
        app.router.add_post(self._path, self.receive)
        if self._runtime.web_routes is not None and self._runtime.services.settings.webapp_url:
            self._runtime.web_routes(app)
        self._site_runner = web.AppRunner(app, access_log=None)  # access logs would hold ids
        await self._site_runner.setup()
        await guard.site(self._site_runner, self._listen, self._port).start()
        await self._runtime.application.bot.set_webhook(
            self._url, secret_token=self._secret, allowed_updates=Update.ALL_TYPES
        )
        log.info("webhook listening on %s:%s%s", self._listen, self._port, self._path)

    async def stop(self) -> None:
        if self._site_runner is not None:
            await self._site_runner.cleanup()

    async def receive(self, request: web.Request) -> web.Response:
        """403 without the secret; 200 only once the update is safely stored."""
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            return web.Response(status=403)
        try:
            body = await asyncio.wait_for(request.read(), timeout=BODY_SECONDS)
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError) as exc:
            log.warning("a webhook request was dropped before its body arrived (%s)", type(exc).__name__)
            return web.Response(status=408)
        payload = parse_update(body)
        if payload is None:
            return web.Response(status=400)
        await self._inbox.store([payload])  # an error here answers 500: Telegram will retry
        self._wake.set()
        return web.Response(status=200)

    async def drain_while_leading(self, stop: asyncio.Event) -> None:
        """Handle stored updates: every lane when this process leads, or its share of the lanes."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=DRAIN_EVERY)
            self._wake.clear()
            leadership = self._runtime.leadership
            if leadership.held or await leadership.try_acquire():
                try:
                    with leading(leadership.token):  # refused once another process leads
                        if self._runtime.alarms is not None:  # undelivered emergency replies first
                            await self._runtime.alarms.send_due()
                        if not self._shared:
                            await self._inbox.drain()
                except NotLeader:
                    await leadership.release()
                except Exception as exc:  # a database fault: the next pass tries again
                    log.warning("handling stored updates failed (%s)", type(exc).__name__)
            if self._shared:  # fenced by each lane, not by leadership
                try:
                    await self._inbox.drain()
                except Exception as exc:
                    log.warning("handling stored updates failed (%s)", type(exc).__name__)
