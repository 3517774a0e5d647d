"""The real `run` process against a Bot API server over HTTP: onboarding, a scheduled check-in, an answer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select

from bot.db import session_factory
from bot.models import Checkin, InboxUpdate, Outbox, User
from bot.offline import Person, buttons_of
from tests.fake_bot_api import FakeBotApiServer

TOKEN = "123456:TEST-TOKEN"


@pytest.fixture
def api() -> Iterator[FakeBotApiServer]:
    with FakeBotApiServer(TOKEN) as server:
        yield server


def start_bot(api: FakeBotApiServer, db_url: str, tmp_path: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": api.url,
        "DATABASE_URL": db_url,
        "DATA_DIR": str(tmp_path),
        "TICK_SECONDS": "0.5",
        "POLL_TIMEOUT_SECONDS": "1",
        "LOG_LEVEL": "INFO",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


def newest_with_buttons(chat_id: int, api: FakeBotApiServer) -> dict[str, Any] | None:
    mine = [m for (chat, _), m in api.telegram.messages.items() if chat == chat_id and buttons_of(m)]
    return max(mine, key=lambda m: m["message_id"]) if mine else None


def texts(api: FakeBotApiServer) -> list[str]:
    return [str(m.get("text")) for m in api.telegram.messages.values()]


async def test_onboarding_scheduled_checkin_and_answer_over_http(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    person = Person(424242, "Sam")
    bot = start_bot(api, db_url, tmp_path)
    try:
        api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls))

        def press(label: str) -> None:
            message = api.wait_for(lambda _: newest_with_buttons(person.user_id, api))
            data = next(d for text, d in buttons_of(message) if label in text)
            api.push(lambda uid: person.press(message, data, uid))

        first = api.push(lambda uid: person.message("/start", uid))
        api.wait_for(lambda _: any("which time zone" in t for t in texts(api)))
        press("Sydney")
        api.wait_for(lambda _: any("What time should I check in" in t for t in texts(api)))
        press("08:00")
        api.wait_for(lambda _: any("All set" in t for t in texts(api)))
        assert api.confirmed(first)

        # The check-in time comes: as the scheduler sees it, the person is due now.
        async with session_factory(engine)() as session:
            await session.exec(
                update(User)
                .where(col(User.telegram_id) == person.user_id)
                .values(next_due_at=datetime.now(UTC))
            )
            await session.commit()
        api.wait_for(lambda _: any("Time for your check-in" in t for t in texts(api)))
        press("No")
        api.wait_for(lambda _: any("How stressed" in t for t in texts(api)))
        press("4")
        api.wait_for(lambda _: any("Anything that may have set it off" in t for t in texts(api)))
        press("Screen time")
        api.wait_for(
            lambda _: any(
                "✅ Screen time" in label
                for m in api.telegram.messages.values()
                for label, _ in buttons_of(m)
            )
        )
        press("Done")
        api.wait_for(lambda _: any(t.startswith("Saved ✅") for t in texts(api)))
        api.wait_for(lambda _: any("Something that may help" in t for t in texts(api)))
    finally:
        bot.send_signal(signal.SIGTERM)
        output, _ = bot.communicate(timeout=30)
    assert bot.returncode == 0, output
    assert TOKEN not in output

    async with session_factory(engine)() as session:
        user = (await session.exec(select(User))).one()
        checkin = (await session.exec(select(Checkin))).one()
        outbox = (await session.exec(select(Outbox))).one()
        inbox = list(await session.exec(select(InboxUpdate)))
    assert (user.timezone, user.checkin_minute) == ("Australia/Sydney", 480)
    assert (checkin.status, checkin.had_spasm, checkin.stress, checkin.triggers) == (
        "done",
        False,
        4,
        "screen",
    )
    assert (outbox.status, outbox.checkin_id) == ("sent", checkin.id)
    assert inbox and all(row.handled_at is not None and row.error is None for row in inbox)
    sent = [c.params["text"] for c in api.telegram.calls if c.method == "sendMessage"]
    assert len([t for t in sent if "Time for your check-in" in t]) == 1
