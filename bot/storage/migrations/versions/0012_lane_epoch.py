"""lane epoch: the fencing token of the process that handles each lane of people

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 00:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
LANES = 16  # bot.runtime.lanes.LANES when this was written; rows for more are added on demand


def upgrade() -> None:
    table = op.create_table(
        "lane_epoch",
        sa.Column("lane", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("epoch", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("lane"),
    )
    op.bulk_insert(table, [{"lane": lane, "epoch": 0} for lane in range(LANES)])
    if op.get_bind().dialect.name == "postgresql":
        # As leader_fence (0010), per lane: the shared lock first, then the epoch, read with a
        # snapshot taken after it, in one round trip.
        op.execute(
            """
            CREATE FUNCTION lane_fence(fence_class integer, lane_no integer, mine bigint)
            RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock_shared(fence_class, lane_no);
                RETURN (SELECT epoch FROM lane_epoch WHERE lane = lane_no) = mine;
            END $$
            """
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION lane_fence(integer, integer, bigint)")
    op.drop_table("lane_epoch")
