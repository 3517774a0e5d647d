"""Apply Alembic migrations programmatically (used by `migrate`, `run`, `chat` and tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "bot.storage:migrations")
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    def _upgrade(connection: Connection) -> None:
        cfg = alembic_config()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)

    async with engine.connect() as conn:
        await conn.run_sync(_upgrade)
        await conn.commit()
