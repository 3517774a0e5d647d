"""An update that does not parse is kept, marked failed with the error's type and skipped; what is not
an update at all is refused at the door. Polling goes on, and no update's content reaches the logs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select

from bot.runtime.offline import Person
from bot.runtime.update_input import parse_update
from bot.storage.db import session_factory
from bot.storage.models import InboxUpdate
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApiServer


@pytest.mark.parametrize(
    "message",
    [
        {"message_id": 1, "date": "yesterday", "chat": "not an object", "text": "PRIVATE words of someone"},
        {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}, "text": "PRIVATE", "from": 7},
    ],
)
async def test_an_update_that_does_not_parse_is_skipped_and_polling_goes_on(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path, message: dict[str, object]
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(818181, "Noa"))
    poison = api.push(lambda update_id: {"update_id": update_id, "message": message})
    bot.say("/start")
    bot.wait_text("Hi, I'm Spasm Diary")
    output = bot.stop()
    assert "PRIVATE" not in output
    async with session_factory(engine)() as session:
        row = (await session.exec(select(InboxUpdate).where(col(InboxUpdate.update_id) == poison))).one()
    assert row.handled_at is not None and row.error


def _nested(depth: int) -> dict[str, object]:
    value: dict[str, object] = {"text": "PRIVATE"}
    for _ in range(depth):
        value = {"reply_to_message": value}
    return value


async def test_an_item_of_get_updates_that_is_no_update_is_acknowledged_and_skipped(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(828282, "Ari"))
    refused = api.push(lambda update_id: {"update_id": update_id, "message": _nested(40)})
    bot.say("/start")
    bot.wait_text("Hi, I'm Spasm Diary")
    api.wait_for(lambda _: api.confirmed(refused))  # not fetched again and again
    output = bot.stop()
    assert "PRIVATE" not in output and "were not updates" in output
    async with session_factory(engine)() as session:
        stored = list(await session.exec(select(InboxUpdate.update_id)))
    assert refused not in stored


@pytest.mark.parametrize(
    ("body", "accepted"),
    [
        (b'{"update_id": 5, "message": {}}', True),
        (b'{"update_id": true}', False),
        (b'{"update_id": 0}', False),
        (b'{"update_id": -3}', False),
        (b'{"update_id": 9223372036854775808}', False),
        (b'{"update_id": 9223372036854775807}', True),
        (b'{"update_id": "5"}', False),
        (b"[1, 2]", False),
        (b"\xff\xfe not json", False),
        (b"[" * 100_000 + b"]" * 100_000, False),
        (json.dumps({"update_id": 7, "message": _nested(40)}).encode(), False),
    ],
)
def test_a_webhook_body_is_an_update_only_when_telegram_could_have_sent_it(
    body: bytes, accepted: bool
) -> None:
    assert (parse_update(body) is not None) is accepted
