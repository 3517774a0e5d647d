"""The database a benchmark run uses: a new SQLite file, or BENCH_DATABASE_URL emptied first.

Update ids start again at 1 in every run, so rows left by an earlier run would be taken for
updates already handled and the run would measure nothing."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from sqlalchemy import text

from bot.storage.db import create_engine


def fresh_database(folder: Path) -> str:
    return asyncio.run(fresh_database_async(folder))


async def fresh_database_async(folder: Path) -> str:
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        return f"sqlite:///{folder}/bench.db"
    await _empty(url)
    return url


async def _empty(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()
