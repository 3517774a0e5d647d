"""The Mini App's own web server, for when no webhook server runs (polling mode, the console): the
same routes the webhook's server adds (handlers/webapp), behind the same guard against slow clients."""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

from aiohttp import web

from bot.runtime.lifecycle import Runtime
from bot.runtime.web_guard import RequestGuard
from bot.webapp.init_data import sign

log = logging.getLogger(__name__)


class WebAppServer:
    def __init__(self, runtime: Runtime, listen: str, port: int) -> None:
        self._runtime = runtime
        self._listen, self._port = listen, port
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        """The port listened on (the one asked for, or the one given for 0)."""
        if self._runner is not None:
            for address in self._runner.addresses:
                return int(address[1])
        return self._port

    async def start(self) -> None:
        if self._runtime.web_routes is None:
            return
        guard = RequestGuard()
        app = web.Application(client_max_size=64 * 1024, middlewares=[guard.middleware])
        self._runtime.web_routes(app)
        self._runner = web.AppRunner(app, access_log=None)  # access logs would hold people's ids
        await self._runner.setup()
        await guard.site(self._runner, self._listen, self._port).start()
        log.info("the Mini App is served on %s:%s/app/", self._listen, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def console_url(port: int, telegram_id: int, token: str, signed_at: int, language: str | None) -> str:
    """A local address of the page, signed for the console's person with the console's own
    offline token: a development login that only the console, which has no real token, can make."""
    user = json.dumps({"id": telegram_id, "first_name": "You", "language_code": language or "en"})
    init_data = sign({"auth_date": str(signed_at), "user": user}, token)
    return f"http://127.0.0.1:{port}/app/#tgWebAppData={quote(init_data, safe='')}"
