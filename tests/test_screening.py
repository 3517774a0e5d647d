"""Triage at intake on a worker process: the same verdicts as the main process, and a message is
still screened when the worker is starting, slow or killed."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import load_languages
from bot.language.triage import Triage
from bot.language.triage_languages import Triagers, screening_in
from bot.runtime import screening
from bot.runtime.screening import Screener
from bot.safety import triage
from bot.services.alarms import emergencies, readable

DATA = Path(__file__).parent / "data"
TEXTS = [
    line.split("\t", 1)[1]
    for line in (DATA / "redflags_blind_e.tsv").read_text(encoding="utf-8").splitlines()
    if "\t" in line and not line.startswith("#")
][:60]


def _triager() -> Triagers:
    english, others = load_languages(DEFAULT_CONTENT_DIR)
    return screening_in([english, *others.values()])


@pytest.fixture
def screener() -> Iterator[Screener]:
    found = Screener(_triager(), DEFAULT_CONTENT_DIR, workers=1)
    yield found
    found.stop()


async def _ready(screener: Screener) -> None:
    for _ in range(600):
        if screener.ready:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the triage worker never became ready")


async def test_the_worker_finds_what_the_main_process_finds(screener: Screener) -> None:
    screener.start()
    await _ready(screener)
    verdicts = await screener.verdicts(TEXTS, screener.submit(TEXTS))
    assert verdicts == [triage(text) for text in TEXTS]
    assert any(v is not None and v.level == "emergency" for v in verdicts)


async def test_before_the_worker_is_ready_messages_are_screened_here() -> None:
    waiting = Screener(_triager(), DEFAULT_CONTENT_DIR, workers=0)
    waiting.start()
    assert waiting.submit(TEXTS) is None
    assert await waiting.verdicts(TEXTS, None) == [triage(text) for text in TEXTS]


async def test_a_slow_worker_does_not_hold_up_screening(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screening, "WORKER_WAIT", 0.05)
    never: asyncio.Future[list[Triage | None]] = asyncio.get_running_loop().create_future()
    slow = Screener(_triager(), DEFAULT_CONTENT_DIR, workers=0)
    verdicts = await slow.verdicts(["my husband collapsed and is not breathing"], never)
    assert verdicts[0] is not None and verdicts[0].level == "emergency"


async def test_a_killed_worker_loses_no_message_and_is_replaced(screener: Screener) -> None:
    before = set(multiprocessing.active_children())
    screener.start()
    await _ready(screener)
    workers = [p for p in multiprocessing.active_children() if p not in before]
    assert workers
    for worker in workers:
        assert worker.pid is not None
        os.kill(worker.pid, signal.SIGKILL)
    await asyncio.sleep(0.5)
    verdicts = await screener.verdicts(TEXTS, screener.submit(TEXTS))
    assert verdicts == [triage(text) for text in TEXTS]
    await _ready(screener)  # a new worker took its place
    assert await screener.verdicts(TEXTS, screener.submit(TEXTS)) == verdicts


def test_only_messages_with_words_are_screened_and_emergencies_keep_their_update() -> None:
    updates = [
        {"update_id": 1, "message": {"chat": {"id": 5}, "text": "left eye 4/10"}},
        {"update_id": 2, "callback_query": {"id": "x", "data": "checkin:yes"}},
        {"update_id": 3, "message": {"chat": {"id": 5}, "photo": [], "caption": "she is having a fit"}},
        {"update_id": 4, "edited_message": {"chat": {"id": 5}, "text": "   "}},
    ]
    items = readable(updates)
    assert [update_id for update_id, _, _ in items] == [1, 3]
    found = emergencies(items, [triage(text) for _, _, text in items])
    assert [e.update_id for e in found] == [3]
    assert found[0].reasons == triage("she is having a fit").reasons
