"""Check-ins and replies while the bot is SIGKILLed at random and the Bot API misbehaves.

Afterwards: every update Telegram was told we received is stored once and handled, no check-in
was delivered twice (one that may have gone out, but unconfirmed, is `unknown`), no check-in was
saved twice and no question was answered twice (an update handled again after a crash), and no
two processes polled at once. With two processes, once, the lock sessions end instead of a kill."""

from __future__ import annotations

import asyncio
import os
import random
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from bot.knowledge import answer
from bot.runtime.offline import Person, buttons_of
from bot.storage.db import create_engine, session_factory
from bot.storage.models import InboxUpdate, Outbox, User
from tests.bot_process import TOKEN, BotProcess
from tests.fake_bot_api import FakeBotApiServer, Faults

PEOPLE = 30
KILLS = 6
INTRO = "Time for your check-in"
QUESTION = "what helps with eye twitching?"
FAST = {
    "TICK_SECONDS": "0.3", "POLL_TIMEOUT_SECONDS": "1", "TELEGRAM_READ_TIMEOUT": "1.5",
    "RETRY_FIRST_SECONDS": "0.5", "SENDING_STALE_SECONDS": "4", "LEADER_RETRY_SECONDS": "0.5",
    "CHECKIN_GRACE_HOURS": "10", "LOG_LEVEL": "WARNING",
}  # fmt: skip


@pytest.fixture
def api() -> Iterator[FakeBotApiServer]:
    faults = Faults(too_many=0.05, server_error=0.08, slow_after_delivery=0.05, slow_seconds=2.0, seed=11)
    with FakeBotApiServer(TOKEN, faults) as server:
        yield server


async def add_people(engine: AsyncEngine) -> list[int]:
    """People already set up, all due for their check-in now."""
    ids = [70_000 + i for i in range(PEOPLE)]
    async with session_factory(engine)() as session:
        for telegram_id in ids:
            session.add(User(telegram_id=telegram_id, chat_id=telegram_id, timezone="UTC", checkin_minute=600,
                             next_due_at=datetime.now(UTC)))  # fmt: skip
        await session.commit()
    return ids


class Driver:
    """Answers each check-in by taps (No, 3, Done), and asks a question now and then."""

    def __init__(self, api: FakeBotApiServer, people: list[int]) -> None:
        self.api, self.people = api, {p: Person(p) for p in people}
        self.pressed: set[tuple[int, int, str]] = set()
        self.questions = dict.fromkeys(people, 0)
        self.rng = random.Random(5)

    def step(self) -> None:
        for chat, person in self.people.items():
            message = self._keyboard(chat)
            if message is None:
                continue
            labels = {label: data for label, data in buttons_of(message)}
            choice = (
                "No" if "No" in labels else "3" if "3" in labels else "Done ✔" if "Done ✔" in labels else None
            )
            key = (chat, message["message_id"], str(message.get("text")))
            if choice is None or key in self.pressed:
                continue
            self.pressed.add(key)
            self.api.push(person.press_builder(message, labels[choice]))
            if self.rng.random() < 0.1:
                self.questions[chat] += 1
                self.api.push(person.message_builder(QUESTION))

    def _keyboard(self, chat: int) -> dict[str, Any] | None:
        mine = [m for (c, _), m in list(self.api.telegram.messages.items()) if c == chat and buttons_of(m)]
        return max(mine, key=lambda m: m["message_id"]) if mine else None


def end_lock_sessions(url: str) -> None:
    """What pg_terminate_backend by an operator, or a network blip, does to every process: the
    sessions holding the leader's and the lanes' advisory locks end (the processes live on)."""

    async def end() -> None:
        engine = create_engine(url)
        async with engine.begin() as conn:
            ended = "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            await conn.execute(text(ended))
        await engine.dispose()

    worker = threading.Thread(target=lambda: asyncio.run(end()))  # this thread's loop is busy
    worker.start()
    worker.join(timeout=30)


def run_chaos(
    api: FakeBotApiServer, start: Any, processes: int, driver: Driver, db_url: str
) -> list[BotProcess]:
    rng = random.Random(3)
    bots = [start(i) for i in range(processes)]
    stop = threading.Event()

    def drive() -> None:
        while not stop.is_set():
            driver.step()
            time.sleep(0.05)

    thread = threading.Thread(target=drive, daemon=True)
    thread.start()
    try:
        for kill in range(KILLS):
            time.sleep(rng.uniform(0.8, 2.5))
            if processes > 1 and kill == 1:  # once: the lock sessions end instead of a process
                end_lock_sessions(db_url)
                continue
            victim = rng.randrange(processes)
            bots[victim].kill()
            if kill == KILLS // 2:
                api.outage(1.5)  # connections refused for a while
            bots[victim] = start(victim)
        api.faults.too_many = api.faults.server_error = api.faults.slow_after_delivery = 0.0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not everyone_answered(api, driver):
            time.sleep(0.2)
        time.sleep(2)  # the last updates are handled and marked
    finally:
        stop.set()
        thread.join(timeout=5)
    return bots


def everyone_answered(api: FakeBotApiServer, driver: Driver) -> bool:
    texts = [str(m.get("text")) for m in list(api.telegram.messages.values())]
    return sum(t.startswith("Saved ✅") for t in texts) >= len(driver.people)


async def chaos_and_check(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path, processes: int, report: Any
) -> None:
    people = await add_people(engine)
    driver = Driver(api, people)
    runs = iter(range(1000))

    def start(_: int) -> BotProcess:
        folder = tmp_path / f"run{next(runs)}"
        folder.mkdir()
        return BotProcess(api, db_url, folder, Person(0), wait=False, env=FAST)

    bots = run_chaos(api, start, processes, driver, db_url)
    for bot in bots:
        bot.stop()

    async with session_factory(engine)() as session:
        stored = {row.update_id: row for row in await session.exec(select(InboxUpdate))}
        rows = list(await session.exec(select(Outbox).where(Outbox.kind == "checkin")))
        chat_of = {u.id: u.chat_id for u in await session.exec(select(User))}
    acknowledged = [u for u in range(1, api.next_update_id) if api.confirmed(u)]
    missing = [u for u in acknowledged if u not in stored]
    unhandled = [u for u in acknowledged if u in stored and stored[u].handled_at is None]
    deliveries = dict.fromkeys(people, 0)
    for call in api.telegram.calls:
        if call.method == "sendMessage" and INTRO in call.params["text"]:
            deliveries[int(call.params["chat_id"])] += 1
    status = {chat_of[r.user_id]: r.status for r in rows}
    saved_twice, answered_twice = twice_handled(api, driver)
    once = sum(n == 1 for n in deliveries.values())
    twice = [p for p, n in deliveries.items() if n > 1]
    with report.disabled():  # shown even when the test passes
        print(
            f"\nfault injection ({engine.dialect.name}, {processes} process(es), {KILLS} SIGKILLs"
            f"{' (one of them: every lock session ended)' if processes > 1 else ''}, "
            f"an outage, 429/500/slow replies): {api.next_update_id - 1} updates sent, "
            f"{len(acknowledged)} acknowledged, "
            f"{len(acknowledged) - len(missing)} of them stored, {len(unhandled)} unhandled; check-ins: "
            f"{once} delivered once, {sum(n == 0 for n in deliveries.values())} never, "
            f"{sum(s == 'unknown' for s in status.values())} marked unknown, {len(twice)} twice; "
            f"handled twice: {saved_twice} check-ins saved, {answered_twice} questions answered; "
            f"overlapping getUpdates: {api.overlapping_polls}"
        )
    assert missing == [] and unhandled == []
    assert twice == [] and saved_twice == answered_twice == api.overlapping_polls == 0
    assert len(rows) == PEOPLE and set(status.values()) <= {"sent", "unknown"}
    # "sent" only when Telegram confirmed it; an undelivered check-in is never "sent".
    assert [p for p, s in status.items() if s == "sent" and deliveries[p] == 0] == []


def twice_handled(api: FakeBotApiServer, driver: Driver) -> tuple[int, int]:
    """Check-in cards edited to "Saved" more than once, and answers beyond the questions asked."""
    saved: dict[tuple[int, int], int] = {}
    answers = dict.fromkeys(driver.people, 0)
    known = answer(QUESTION)
    assert known is not None
    reply = known.text
    for call in list(api.telegram.calls):
        chat = int(call.params.get("chat_id") or 0)
        if call.method == "editMessageText" and str(call.params["text"]).startswith("Saved ✅"):
            key = (chat, int(call.params["message_id"]))
            saved[key] = saved.get(key, 0) + 1
        elif call.method == "sendMessage" and reply in str(call.params["text"]):
            answers[chat] += 1
    extra = sum(max(0, answers[chat] - asked) for chat, asked in driver.questions.items())
    assert saved and sum(answers.values()) >= sum(driver.questions.values()) // 2  # they are seen at all
    return sum(n > 1 for n in saved.values()), extra


async def test_crashes_and_a_misbehaving_bot_api_lose_nothing_and_send_nothing_twice(
    api: FakeBotApiServer,
    db_url: str,
    engine: AsyncEngine,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await chaos_and_check(api, db_url, engine, tmp_path, processes=1, report=capsys)


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL")
async def test_the_same_with_two_processes_on_postgresql(
    api: FakeBotApiServer,
    db_url: str,
    engine: AsyncEngine,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("two processes need PostgreSQL")
    await chaos_and_check(api, db_url, engine, tmp_path, processes=2, report=capsys)
