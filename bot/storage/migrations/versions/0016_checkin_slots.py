"""several check-ins a day: each person's times, and a slot on outbox rows and entries

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 15:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SLOTTED = "('checkin', 'snooze', 'followup')"


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("checkin_times", sa.String(), nullable=True))
        batch.add_column(sa.Column("moving_minute", sa.Integer(), nullable=True))
    with op.batch_alter_table("checkins") as batch:
        batch.add_column(sa.Column("slot", sa.Integer(), nullable=True))
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("slot", sa.Integer(), nullable=False, server_default="-1"))
    # Check-ins queued before: the person's one time, so today's is not sent again. (Snoozes and
    # follow-ups keep -1: they go with entries opened before, whose slot is unknown, read as -1.)
    op.execute(
        "UPDATE outbox SET slot = (SELECT checkin_minute FROM users WHERE users.id = outbox.user_id)"
        " WHERE kind = 'checkin' AND EXISTS (SELECT 1 FROM users WHERE users.id = outbox.user_id"
        " AND users.checkin_minute IS NOT NULL)"
    )
    with op.batch_alter_table("outbox") as batch:
        batch.drop_constraint("uq_outbox_user_kind_day", type_="unique")
        batch.create_unique_constraint(
            "uq_outbox_user_kind_day_slot", ["user_id", "kind", "local_date", "slot"]
        )


def downgrade() -> None:
    # What the older code cannot read: a time being moved or added, and the morning kind.
    op.execute("UPDATE users SET awaiting_input = NULL WHERE awaiting_input IN ('move_time', 'add_time')")
    op.execute("UPDATE checkins SET kind = 'checkin' WHERE kind = 'morning'")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_constraint("uq_outbox_user_kind_day_slot", type_="unique")
    op.execute(f"DELETE FROM outbox WHERE kind IN {SLOTTED} AND id NOT IN (SELECT MIN(id) FROM outbox"
               " GROUP BY user_id, kind, local_date)")  # fmt: skip
    with op.batch_alter_table("outbox") as batch:
        batch.create_unique_constraint("uq_outbox_user_kind_day", ["user_id", "kind", "local_date"])
        batch.drop_column("slot")
    with op.batch_alter_table("checkins") as batch:
        batch.drop_column("slot")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("moving_minute")
        batch.drop_column("checkin_times")
