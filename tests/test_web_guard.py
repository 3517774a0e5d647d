"""The webhook's listening site cuts off clients that do not finish a request in time (headers
sent a byte at a time), and leaves ordinary clients, keep-alive and slow handlers alone."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.runtime.web_guard import RequestGuard
from tests.test_webhook import free_port

DEADLINE = 0.5
REQUEST = b"POST /hook HTTP/1.1\r\nHost: bot\r\nContent-Length: 2\r\n\r\n{}"


async def ok(request: web.Request) -> web.Response:
    await request.read()
    if request.query.get("slow"):
        await asyncio.sleep(DEADLINE * 3)  # a slow database, not a slow client
    return web.Response(text="ok")


@pytest.fixture
async def port() -> AsyncIterator[int]:
    guard = RequestGuard(DEADLINE)
    app = web.Application(middlewares=[guard.middleware])
    app.router.add_post("/hook", ok)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    chosen = free_port()
    await guard.site(runner, "127.0.0.1", chosen).start()
    yield chosen
    await runner.cleanup()


async def _answer(reader: asyncio.StreamReader) -> bytes:
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    lines = head.split(b"\r\n")
    length = int(next(h for h in lines if h.lower().startswith(b"content-length")).split(b":")[1])
    return lines[0] + b" " + await reader.readexactly(length)


async def _trickle(port: int) -> float | None:
    """Seconds until the server closed a connection sending one header byte each 0.1 s."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    loop = asyncio.get_running_loop()
    started = loop.time()
    writer.write(b"POST /hook HTTP/1.1\r\n")
    try:
        for _ in range(30):
            await asyncio.sleep(0.1)
            try:
                writer.write(b"X")
                await writer.drain()
                if await asyncio.wait_for(reader.read(100), 0.01) == b"":
                    return loop.time() - started
            except TimeoutError:
                continue
            except ConnectionError:
                return loop.time() - started
        return None
    finally:
        writer.close()


async def test_headers_sent_a_byte_at_a_time_are_cut_off(port: int, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    closed_after = await asyncio.gather(*(_trickle(port) for _ in range(50)))
    assert all(t is not None and t < DEADLINE * 3 for t in closed_after), closed_after
    assert "did not finish its request" in caplog.text and "Traceback" not in caplog.text


async def test_ordinary_requests_keep_alive_and_slow_handlers_are_answered(port: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(REQUEST)
    assert await _answer(reader) == b"HTTP/1.1 200 OK ok"
    await asyncio.sleep(DEADLINE * 0.6)
    writer.write(REQUEST)  # the same connection, later: still served
    assert await _answer(reader) == b"HTTP/1.1 200 OK ok"
    writer.write(REQUEST.replace(b"/hook", b"/hook?slow=1"))
    assert await _answer(reader) == b"HTTP/1.1 200 OK ok"  # handled longer than the deadline
    writer.close()


async def test_refused_requests_buy_no_more_time(port: int) -> None:
    """A client sending a request the hook refuses every so often is still cut off."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    loop = asyncio.get_running_loop()
    started, closed_after = loop.time(), None
    refused = b"POST /nowhere HTTP/1.1\r\nHost: bot\r\nContent-Length: 0\r\n\r\n"
    for _ in range(10):
        try:
            writer.write(refused)
            await writer.drain()
            if await asyncio.wait_for(reader.read(1000), 1) == b"":
                closed_after = loop.time() - started
                break
        except ConnectionError:
            closed_after = loop.time() - started
            break
        await asyncio.sleep(DEADLINE / 3)
    writer.close()
    assert closed_after is not None and closed_after < DEADLINE * 4
