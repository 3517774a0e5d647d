"""The request layer under the bot: before any Bot API call made while an update is handled, the
update's open transaction commits (with its mark, and a reply recorded as about to go), so
nothing waits inside a transaction for Telegram and no reply can be sent twice."""

from __future__ import annotations

from typing import Any

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram.request import BaseRequest, RequestData

from bot.storage import update_scope


class ScopedRequest(BaseRequest):
    def __init__(self, inner: BaseRequest) -> None:
        self._inner = inner

    @property
    def read_timeout(self) -> float | None:
        return self._inner.read_timeout

    async def initialize(self) -> None:
        await self._inner.initialize()

    async def shutdown(self) -> None:
        await self._inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = DEFAULT_NONE,
        write_timeout: Any = DEFAULT_NONE,
        connect_timeout: Any = DEFAULT_NONE,
        pool_timeout: Any = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        scope = update_scope.active()
        if scope is not None:
            await scope.before_call(url.rsplit("/", 1)[-1])
        return await self._inner.do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
