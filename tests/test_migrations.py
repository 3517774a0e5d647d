"""Migrations keep what people recorded: rows written by the old schema come through every later
migration, and the tables the models describe are the tables the migrations make."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

from bot.storage import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from bot.storage.db import create_engine
from bot.storage.migrate import upgrade
from tests.conftest import BACKENDS, PG_URL

SCRATCH_DB = "spasm_migrations_test"
OLD_USER = text(
    "INSERT INTO users (id, telegram_id, chat_id, timezone, checkin_minute, paused, blocked,"
    " last_tip_ids, summary_weekday, summary_minute, created_at, updated_at)"
    " VALUES (1, 42, 42, 'Europe/Berlin', 1200, false, false, '', 6, 1140,"
    " '2026-11-01 10:00:00+00:00', '2026-11-01 10:00:00+00:00')"
)  # a person set up by an older schema, with one check-in at 20:00


@pytest.fixture(params=BACKENDS)
async def blank(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An empty database of its own, so migrations run from the very start."""
    if request.param == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
        yield engine
        await engine.dispose()
        return
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH_DB}"))
        await conn.execute(text(f"CREATE DATABASE {SCRATCH_DB}"))
    engine = create_engine(make_url(PG_URL).set(database=SCRATCH_DB).render_as_string(hide_password=False))
    yield engine
    await engine.dispose()
    async with admin.connect() as conn:
        await conn.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH_DB}"))
    await admin.dispose()


async def test_notes_written_by_the_old_schema_are_all_kept(blank: AsyncEngine) -> None:
    await upgrade(blank, "0007")
    async with blank.begin() as conn:
        await conn.execute(OLD_USER)
        for entry_id, note in ((1, "after the dentist"), (2, None)):
            await conn.execute(
                text(
                    "INSERT INTO checkins (id, user_id, kind, local_date, status, step, editing, review,"
                    " had_spasm, locations, severity, stress, triggers, note, draft, created_at,"
                    " completed_at) VALUES (:id, 1, 'checkin', :day, 'done', 'done', false, false, true,"
                    " 'eyelid,cheek', 6, 4, 'stress', :note, '', '2026-11-01 19:00:00+00:00',"
                    " '2026-11-01 19:05:00+00:00')"
                ),
                {"id": entry_id, "note": note, "day": date(2026, 11, entry_id)},
            )
    await upgrade(blank)
    async with blank.connect() as conn:
        rows = (
            await conn.execute(text("SELECT id, locations, severity, notes, sides FROM checkins ORDER BY id"))
        ).all()
    assert [(r.id, r.locations, r.severity, r.sides) for r in rows] == [
        (1, "eyelid,cheek", 6, None),
        (2, "eyelid,cheek", 6, None),
    ]
    first, second = (json.loads(r.notes) for r in rows)
    assert [n["text"] for n in first] == ["after the dentist"] and first[0]["at"].startswith(
        "2026-11-01T19:05"
    )
    assert second == []


async def test_the_migrated_schema_is_what_the_models_describe(blank: AsyncEngine) -> None:
    await upgrade(blank)

    def differences(conn: Connection) -> list[object]:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        return [d for d in compare_metadata(context, SQLModel.metadata) if d[0] != "remove_table"]

    async with blank.connect() as conn:
        found = await conn.run_sync(differences)
    assert found == []


async def test_processes_started_together_on_a_fresh_database_all_migrate(
    blank: AsyncEngine, tmp_path: Path
) -> None:
    if blank.dialect.name != "postgresql":
        pytest.skip("several processes share a database only on PostgreSQL")
    url = blank.url.set(drivername="postgresql").render_as_string(hide_password=False)
    env = {**os.environ, "DATABASE_URL": url, "DATA_DIR": str(tmp_path), "LOG_LEVEL": "WARNING"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "migrate", env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )
        for _ in range(6)
    ]  # fmt: skip
    outputs = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in processes)), timeout=120)
    codes = [p.returncode for p in processes]
    assert codes == [0] * 6, [out.decode() for out, _ in outputs]
    async with blank.connect() as conn:
        heads = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
    assert len(heads) == 1


async def test_a_checkin_queued_before_several_a_day_is_not_sent_again(blank: AsyncEngine) -> None:
    """Rows queued by the old schema take the person's one time as their slot, so the new key
    still finds today's check-in already queued."""
    await upgrade(blank, "0015")
    async with blank.begin() as conn:
        await conn.execute(OLD_USER)
        for kind in ("checkin", "summary"):
            await conn.execute(
                text(
                    "INSERT INTO outbox (user_id, kind, local_date, due_at, status, attempts, not_before)"
                    " VALUES (1, :kind, :day, '2026-11-01 19:00:00+00:00', 'sent', 1,"
                    " '2026-11-01 19:00:00+00:00')"
                ),
                {"kind": kind, "day": date(2026, 11, 1)},
            )
    await upgrade(blank)
    async with blank.connect() as conn:
        rows = (await conn.execute(text("SELECT kind, slot FROM outbox ORDER BY kind"))).all()
        assert [tuple(r) for r in rows] == [("checkin", 1200), ("summary", -1)]
        again = text(
            "INSERT INTO outbox (user_id, kind, local_date, slot, due_at, status, attempts, not_before)"
            " VALUES (1, 'checkin', :day, 1200, '2026-11-01 19:00:00+00:00', 'pending', 0,"
            " '2026-11-01 19:00:00+00:00')"
        )
        with pytest.raises(IntegrityError):
            await conn.execute(again, {"day": date(2026, 11, 1)})
