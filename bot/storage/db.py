"""Async engine and sessions; SQLite is tuned so concurrent writers queue instead of failing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, cast, event, func, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage import sqlite_inline

SessionFactory = async_sessionmaker[AsyncSession]


def async_url(url: str) -> str:
    """Map a plain database URL to the async driver we ship."""
    parsed = make_url(url)
    driver = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}
    backend = parsed.get_backend_name()
    if backend in driver and parsed.drivername in (backend, "postgres"):
        parsed = parsed.set(drivername=driver[backend])
    elif parsed.drivername == "postgres":
        parsed = parsed.set(drivername=driver["postgresql"])
    return parsed.render_as_string(hide_password=False)


def is_sqlite(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "sqlite"


def _tune_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see "begin").
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A deferred transaction that later writes is what raises "database is locked".
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    url = async_url(url)
    parsed = make_url(url)
    sqlite_file = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if sqlite_file not in (None, "", ":memory:"):
        Path(sqlite_file).parent.mkdir(parents=True, exist_ok=True)
        if not parsed.query:  # a URL's options would be lost on the way to our own connect
            kwargs.setdefault("async_creator", sqlite_inline.creator(sqlite_file))
    # A database error's text would otherwise carry the statement's values (notes, answers) into
    # the logged traceback.
    kwargs.setdefault("hide_parameters", True)
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(engine):
        _tune_sqlite(engine)
    return engine


def session_factory(engine: AsyncEngine) -> SessionFactory:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


def insert_ignoring_duplicates(session: AsyncSession, table: Any, keys: list[str]) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING on both SQLite and PostgreSQL. Pass many rows as
    `params=` (one cached statement, executemany) rather than `.values(rows)`, whose compiled
    form grows with every row."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing(index_elements=keys)


async def set_column_by_id(session: AsyncSession, table: Table, column: str, values: dict[int, Any]) -> None:
    """`UPDATE table SET column = value WHERE id = key` for many rows. On PostgreSQL one statement
    over two arrays: an executemany there costs a round of parse, bind and execute per row."""
    if not values:
        return
    connection = await session.connection()
    if connection.dialect.name != "postgresql":
        rows = [{"key": key, "value": value} for key, value in values.items()]
        await connection.execute(
            update(table).where(table.c.id == bindparam("key")).values({column: bindparam("value")}), rows
        )
        return
    target = table.c[column]
    data = (
        func.unnest(
            cast(list(values), postgresql.ARRAY(table.c.id.type)),
            cast(list(values.values()), postgresql.ARRAY(target.type)),
        )
        .table_valued("key", "value")
        .render_derived(name="data")
    )
    await connection.execute(update(table).where(table.c.id == data.c.key).values({column: data.c.value}))
