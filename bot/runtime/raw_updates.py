"""The getUpdates request layer, keeping Telegram's own JSON of the last batch: the inbox stores
that, rather than turning each parsed Update back into a dict (a third of a CPU core at 2,000/s)."""

from __future__ import annotations

from typing import Any

from telegram.request import BaseRequest, RequestData


class RawUpdates(BaseRequest):
    """Delegates to `inner`; only Bot.get_updates uses this request object."""

    def __init__(self, inner: BaseRequest) -> None:
        self._inner = inner
        self.last: list[dict[str, Any]] = []

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
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        self.last = []  # a failed call leaves nothing to mistake for its result
        return await self._inner.do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:  # type: ignore[override]
        """PTB's documented hook for decoding each answer; the result of a getUpdates is kept."""
        data = super().parse_json_payload(payload)
        result = data.get("result")
        self.last = result if isinstance(result, list) else []
        return data

    def take(self, ids: list[int]) -> list[dict[str, Any]] | None:
        """The raw updates of the last call, if they are exactly `ids` (else None)."""
        raw, self.last = self.last, []
        return raw if [u.get("update_id") for u in raw] == ids else None
