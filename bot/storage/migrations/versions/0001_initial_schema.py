"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-20 23:23:27.503682
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("payload", sa.String(), nullable=False),
        sa.Column("received_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("handled_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("update_id"),
    )
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_handled_at"), ["handled_at"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("telegram_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("timezone", sa.String(), nullable=True),
        sa.Column("checkin_minute", sa.Integer(), nullable=True),
        sa.Column("awaiting_input", sa.String(), nullable=True),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("next_due_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_tip_ids", sa.String(), nullable=False),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_next_due_at"), ["next_due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_telegram_id"), ["telegram_id"], unique=True)

    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("step", sa.String(), nullable=False),
        sa.Column("editing", sa.Boolean(), nullable=False),
        sa.Column("had_spasm", sa.Boolean(), nullable=True),
        sa.Column("locations", sa.String(), nullable=True),
        sa.Column("severity", sa.Integer(), nullable=True),
        sa.Column("duration", sa.String(), nullable=True),
        sa.Column("stress", sa.Integer(), nullable=True),
        sa.Column("triggers", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("note_open_until", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("draft", sa.String(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("completed_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkins_user_id"), ["user_id"], unique=False)
        batch_op.create_index("ix_checkins_user_status", ["user_id", "status"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("due_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("not_before", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("sent_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("checkin_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("error", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkins.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "kind", "local_date", name="uq_outbox_user_kind_day"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_status_not_before", ["status", "not_before"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_user_id"))
        batch_op.drop_index("ix_outbox_status_not_before")

    op.drop_table("outbox")
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index("ix_checkins_user_status")
        batch_op.drop_index(batch_op.f("ix_checkins_user_id"))

    op.drop_table("checkins")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_telegram_id"))
        batch_op.drop_index(batch_op.f("ix_users_next_due_at"))

    op.drop_table("users")
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_handled_at"))

    op.drop_table("inbox")
