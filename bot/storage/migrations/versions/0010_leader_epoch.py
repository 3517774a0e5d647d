"""leader epoch: the fencing token of the leading process

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 07:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "leader_epoch",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("epoch", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(table, [{"id": 1, "epoch": 0}])
    if op.get_bind().dialect.name == "postgresql":
        # One round trip per fenced transaction. VOLATILE: the epoch is read with a snapshot
        # taken after the shared lock is held, never before it.
        op.execute(
            """
            CREATE FUNCTION leader_fence(mine bigint, fence_key bigint) RETURNS boolean
            LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock_shared(fence_key);
                RETURN (SELECT epoch FROM leader_epoch WHERE id = 1) = mine;
            END $$
            """
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION leader_fence(bigint, bigint)")
    op.drop_table("leader_epoch")
