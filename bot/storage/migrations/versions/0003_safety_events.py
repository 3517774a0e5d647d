"""safety events

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-20 23:43:18.211012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "safety_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("level", sa.String(), nullable=False),
        sa.Column("reasons", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.create_index("ix_safety_events_user_time", ["user_id", "occurred_at"], unique=False)

    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.add_column(sa.Column("red_flags", sa.String(), nullable=True))

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_care_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("last_care_at")

    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_column("red_flags")

    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.drop_index("ix_safety_events_user_time")

    op.drop_table("safety_events")
