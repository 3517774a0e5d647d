"""Logs never hold what a person writes, their health values, or the bot token, even at DEBUG."""

from __future__ import annotations

import logging
import random
import sys
from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.content import Content
from bot.logs import LIBRARIES, REDACTED, Redact, quiet_libraries
from bot.services.registry import build_services
from bot.storage.db import session_factory
from tests.conftest import FakeClock
from tests.harness import start_harness

TOKEN = "123456789:AAlogTestTokenQwErTy-0987654321"
CITY = "Reykjavik"
REPORT = "left eyelid twitching all afternoon, stress 7, slept 5h"
NOTE = "argued with my landlord Gunnhildur about the boiler"
RED_FLAG = "I can't move the left side of my face"
# What the person typed (whole and in telling pieces), the health values as the bot shows them
# back, and the token.
SECRETS = (TOKEN, TOKEN.split(":")[1], CITY, REPORT, "eyelid twitching", NOTE, "Gunnhildur", RED_FLAG,
           "left side of my face", "Stress: 7/10", "Sleep: 5 h", "Stress: 3/10")  # fmt: skip


def _texts(record: logging.LogRecord) -> list[str]:
    texts = [record.getMessage(), str(record.msg), repr(record.args)]
    if record.exc_info:
        texts.append(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        texts.append(record.stack_info)
    return texts


@pytest.fixture
def quiet() -> Iterator[None]:
    """The library log levels `python -m bot` sets, put back afterwards for the other tests."""
    before = {name: logging.getLogger(name).level for name in LIBRARIES}
    quiet_libraries()
    yield
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.usefixtures("quiet")
async def test_a_whole_conversation_at_debug_logs_no_words_health_values_or_token(
    settings: Settings,
    content: Content,
    engine: AsyncEngine,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = settings.model_copy(update={"telegram_bot_token": SecretStr(TOKEN)})
    services = build_services(settings, content, session_factory(engine), clock, random.Random(7))
    caplog.set_level(logging.DEBUG)
    async with start_harness(settings, services) as harness:
        chat = harness.chat(4242)
        await chat.send("/start")
        await chat.send(CITY)
        await chat.send("07:45")
        await chat.send("/checkin")
        for label in ("No", "3", "6", "Caffeine", "Done"):
            await chat.tap(label)
        await chat.tap("Add a note")
        await chat.send(NOTE)
        assert chat.last_text().startswith("Note added")
        await chat.send(REPORT)
        for label in ("6", "None of these", "Save"):
            await chat.tap(label)
        await chat.send(RED_FLAG)
        await chat.send("/export")
        await chat.send("/delete")
        await chat.tap("Yes, delete everything")
        assert chat.last_text() == content.messages.privacy.deleted
        logging.getLogger("tests").debug("end of conversation")  # DEBUG records are captured

    records = caplog.records
    leaks = [(r.name, s) for r in records for text in _texts(r) for s in SECRETS if s in text]
    print(f"checked {len(records)} log records from {len({r.name for r in records})} loggers")
    assert any(r.getMessage() == "end of conversation" for r in records)
    assert leaks == []


def test_the_token_is_redacted_from_a_message_and_a_traceback() -> None:
    try:
        raise ValueError(f"https://api.telegram.org/bot{TOKEN}/getMe")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, "f", 1, "calling %s", (TOKEN,), sys.exc_info())
    assert Redact([TOKEN]).filter(record)
    formatted = logging.Formatter().format(record)
    assert TOKEN not in formatted and formatted.count(REDACTED) == 2
