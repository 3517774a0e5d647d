"""weekly summary schedule

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 00:03:56.226802
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("summary_weekday", sa.Integer(), nullable=False, server_default="6"))
        batch_op.add_column(sa.Column("summary_minute", sa.Integer(), nullable=False, server_default="1140"))
        batch_op.add_column(
            sa.Column("next_summary_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_users_next_summary_at"), ["next_summary_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_next_summary_at"))
        batch_op.drop_column("next_summary_at")
        batch_op.drop_column("summary_minute")
        batch_op.drop_column("summary_weekday")
