"""treatments: injections, medicines and operations, what happened after each, and a typed one
waiting for Save

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 03:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.models

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("treatment_draft", sa.String(), nullable=True))
        batch.add_column(sa.Column("booking_weeks", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("next_booking_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True)
        )
        batch.create_index(batch.f("ix_users_next_booking_at"), ["next_booking_at"], unique=False)
        batch.add_column(sa.Column("medicine_minute", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("next_medicine_at", bot.storage.models.UTCDateTime(timezone=True), nullable=True)
        )
        batch.create_index(batch.f("ix_users_next_medicine_at"), ["next_medicine_at"], unique=False)
    op.create_table(
        "treatments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("dose", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(), nullable=True),
        sa.Column("places", sa.String(), nullable=True),
        sa.Column("sides", sa.String(), nullable=True),
        sa.Column("stopped_on", sa.Date(), nullable=True),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_treatments_user_kind", "treatments", ["user_id", "kind", "started_on"])
    op.create_table(
        "treatment_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("treatment_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("dose", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(), nullable=True),
        sa.Column("detail", sa.String(), nullable=True),
        sa.Column("created_at", bot.storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["treatment_id"], ["treatments.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_treatment_events_treatment", "treatment_events", ["treatment_id", "local_date"])
    op.create_index(op.f("ix_treatment_events_user_id"), "treatment_events", ["user_id"])


def downgrade() -> None:
    op.drop_table("treatment_events")
    op.drop_table("treatments")
    with op.batch_alter_table("users") as batch:
        batch.drop_index(batch.f("ix_users_next_medicine_at"))
        batch.drop_column("next_medicine_at")
        batch.drop_column("medicine_minute")
        batch.drop_index(batch.f("ix_users_next_booking_at"))
        batch.drop_column("next_booking_at")
        batch.drop_column("booking_weeks")
        batch.drop_column("treatment_draft")
