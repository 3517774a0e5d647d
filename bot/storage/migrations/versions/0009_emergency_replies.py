"""emergency replies decided at intake and kept until delivered; one safety event per message

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 00:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "emergency_replies",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("sender_id", sa.BigInteger(), nullable=True),
        sa.Column("reply_to", sa.BigInteger(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("not_before", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("update_id"),
    )
    op.create_index("ix_emergency_replies_due", "emergency_replies", ["status", "not_before"])
    op.create_index("ix_emergency_replies_sender_id", "emergency_replies", ["sender_id"])
    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("update_id", sa.BigInteger(), nullable=True))
        batch_op.create_unique_constraint("uq_safety_events_update_id", ["update_id"])


def downgrade() -> None:
    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.drop_constraint("uq_safety_events_update_id", type_="unique")
        batch_op.drop_column("update_id")
    op.drop_index("ix_emergency_replies_sender_id", table_name="emergency_replies")
    op.drop_index("ix_emergency_replies_due", table_name="emergency_replies")
    op.drop_table("emergency_replies")
