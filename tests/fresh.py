"""A database of its own for a long random run: migrated, emptied, with services on a fake clock."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from bot.config import Settings
from bot.content import Content
from bot.services.registry import Services, build_services
from bot.storage.db import create_engine, session_factory
from bot.storage.migrate import upgrade
from tests.conftest import TABLES, FakeClock


@asynccontextmanager
async def fresh_services(
    url: str, data_dir: Path, content: Content
) -> AsyncIterator[tuple[Settings, FakeClock, Services]]:
    engine = create_engine(url)
    await upgrade(engine)
    if engine.dialect.name == "postgresql":
        async with engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    config = Settings(_env_file=None, database_url=url, data_dir=data_dir, send_chat_gap_seconds=0.0)
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    try:
        yield config, clock, build_services(config, content, session_factory(engine), clock, random.Random(7))
    finally:
        await engine.dispose()
