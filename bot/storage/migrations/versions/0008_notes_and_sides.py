"""notes become a list with their times; each place can carry the side of the face; the
check-in's sleep question is asked once

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 23:50:00.000000
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKINS = sa.table(
    "checkins",
    sa.column("id", sa.Integer()),
    sa.column("note", sa.String()),
    sa.column("notes", sa.String()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("completed_at", sa.DateTime(timezone=True)),
)


def _iso(moment: datetime | str | None) -> str:
    if isinstance(moment, str):  # SQLite hands back its text
        moment = datetime.fromisoformat(moment)
    if moment is None:
        return ""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def upgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notes", sa.String(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("sides", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("sleep_asked", sa.Boolean(), nullable=False, server_default=sa.false()))
    bind = op.get_bind()
    # Entries saved before the sleep question was part of the check-in are not asked it afterwards.
    bind.execute(sa.text("UPDATE checkins SET sleep_asked = :yes"), {"yes": True})
    rows = bind.execute(
        sa.select(CHECKINS.c.id, CHECKINS.c.note, CHECKINS.c.created_at, CHECKINS.c.completed_at).where(
            CHECKINS.c.note.is_not(None)
        )
    ).all()
    for row in rows:  # every existing note is kept, dated when its entry was saved
        notes = [{"at": _iso(row.completed_at or row.created_at), "text": row.note}]
        bind.execute(sa.update(CHECKINS).where(CHECKINS.c.id == row.id).values(notes=json.dumps(notes)))
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_column("note")


def downgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.String(), nullable=True))
    bind = op.get_bind()
    for row in bind.execute(sa.select(CHECKINS.c.id, CHECKINS.c.notes)).all():
        texts = [n["text"] for n in json.loads(row.notes or "[]")]
        if texts:
            bind.execute(sa.update(CHECKINS).where(CHECKINS.c.id == row.id).values(note="\n".join(texts)))
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_column("sleep_asked")
        batch_op.drop_column("sides")
        batch_op.drop_column("notes")
