"""Webhook mode over HTTP: the secret token is checked, and an update is stored before the 200."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from bot.runtime.offline import Person
from bot.storage.db import session_factory
from bot.storage.models import InboxUpdate
from tests.bot_process import TOKEN, BotProcess
from tests.fake_bot_api import FakeBotApiServer

SECRET = "s3cret-for-tests"


@pytest.fixture
def api() -> Iterator[FakeBotApiServer]:
    with FakeBotApiServer(TOKEN) as server:
        yield server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def post(port: int, payload: object, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    url = f"http://127.0.0.1:{port}/telegram"
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def wait_until_listening(port: int, api: FakeBotApiServer) -> None:
    api.wait_for(lambda calls: any(c.method == "setWebhook" for c in calls))


async def test_webhook_checks_the_secret_and_stores_before_answering(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    port = free_port()
    person = Person(818181)
    bot = BotProcess(
        api, db_url, tmp_path, person, wait=False, args=("--webhook", "https://bot.example/telegram"),
        WEBHOOK_SECRET=SECRET, WEBHOOK_PORT=str(port), WEBHOOK_LISTEN="127.0.0.1",
    )  # fmt: skip
    try:
        wait_until_listening(port, api)
        (registered,) = [c for c in api.telegram.calls if c.method == "setWebhook"]
        assert registered.params["url"] == "https://bot.example/telegram"
        assert registered.params["secret_token"] == SECRET
        assert post(port, person.message("/start", 1), None) == 403
        assert post(port, person.message("/start", 2), "wrong") == 403
        assert post(port, {"not": "an update"}, SECRET) == 400
        assert post(port, {"update_id": True, "message": {}}, SECRET) == 400  # a bool is no id
        assert post(port, {"update_id": 2**63, "message": {}}, SECRET) == 400  # beyond the column
        deep: object = []
        for _ in range(30):
            deep = [deep]
        assert post(port, {"update_id": 4, "message": {"entities": deep}}, SECRET) == 400  # too deep
        assert post(port, person.message("/start", 3), SECRET) == 200
        assert post(port, person.message("/start", 3), SECRET) == 200  # redelivered: handled once
        api.wait_for(
            lambda _: any("Hi, I'm Spasm Diary" in c.params["text"] for c in api.telegram.sent_to(818181))
        )
    finally:
        bot.stop()
    async with session_factory(engine)() as session:
        rows = list(await session.exec(select(InboxUpdate)))
    assert [r.update_id for r in rows] == [3] and rows[0].handled_at is not None
    assert sum("Hi, I'm Spasm Diary" in c.params["text"] for c in api.telegram.sent_to(818181)) == 1


def test_webhook_mode_refuses_to_start_without_a_secret(tmp_path: Path) -> None:
    from tests.test_cli import run_cli

    result = run_cli(["run", "--webhook", "https://bot.example/telegram"], tmp_path, TELEGRAM_BOT_TOKEN=TOKEN)
    assert result.returncode == 2 and "WEBHOOK_SECRET" in result.stderr
