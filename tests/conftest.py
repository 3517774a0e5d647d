"""Shared fixtures: a database per backend, a settable clock, and a chat with the real Application."""

from __future__ import annotations

import os
import random
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import DEFAULT_CONTENT_DIR, Settings
from bot.content import Content, load_content
from bot.runtime.offline import Person
from bot.services.registry import Services, build_services
from bot.storage.db import create_engine, session_factory
from bot.storage.migrate import upgrade
from tests.bot_process import TOKEN
from tests.fake_bot_api import FakeBotApiServer
from tests.harness import Chat, start_harness

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]
TABLES = (
    "outbox",
    "checkins",
    "inbox",
    "users",
    "safety_events",
    "emergency_replies",
    "update_replies",
    "treatment_events",
    "treatments",
)


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(DEFAULT_CONTENT_DIR)


@pytest.fixture(scope="session")
def _pg_schema_reset() -> Iterator[None]:
    """Start the PostgreSQL test database from an empty schema once per run."""
    if PG_URL:
        import asyncio

        async def reset() -> None:
            engine = create_engine(PG_URL)
            async with engine.begin() as conn:
                await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                await conn.execute(text("CREATE SCHEMA public"))
            await upgrade(engine)
            await engine.dispose()

        asyncio.run(reset())
    yield


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        request.getfixturevalue("_pg_schema_reset")
        return PG_URL
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(db_url)
    await upgrade(engine)
    if engine.dialect.name == "postgresql":
        async with engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    yield engine
    await engine.dispose()


@pytest.fixture
def api() -> Iterator[FakeBotApiServer]:
    """A Bot API server over HTTP, well behaved (a test module may define one with faults)."""
    with FakeBotApiServer(TOKEN) as server:
        yield server


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    # No real one-second waits between messages to one chat in tests (test_pacing covers it).
    return Settings(
        _env_file=None,
        database_url=db_url,
        data_dir=tmp_path,
        telegram_bot_token=None,
        send_chat_gap_seconds=0.0,
    )


@pytest.fixture
def services(settings: Settings, content: Content, engine: AsyncEngine, clock: FakeClock) -> Services:
    return build_services(settings, content, session_factory(engine), clock, random.Random(7))


@pytest.fixture
async def chat(settings: Settings, services: Services) -> AsyncIterator[Chat]:
    async with start_harness(settings, services) as harness:
        yield harness.chat(111)


@pytest.fixture(scope="session")
def spanish() -> Content:
    return load_content(DEFAULT_CONTENT_DIR, "es")


@pytest.fixture
def bilingual(
    settings: Settings, content: Content, spanish: Content, engine: AsyncEngine, clock: FakeClock
) -> Services:
    """English and Spanish offered, Spanish as it will be once complete."""
    complete = spanish.model_copy(update={"missing": ()})
    db = session_factory(engine)
    return build_services(settings, content, db, clock, random.Random(7), translations={"es": complete})


@pytest.fixture
async def harness_es(settings: Settings, bilingual: Services) -> AsyncIterator[Chat]:
    """A person whose Telegram app is in Spanish (Spain)."""
    async with start_harness(settings, bilingual) as harness:
        yield Chat(harness, Person(222, "Ana", "es-ES"))
