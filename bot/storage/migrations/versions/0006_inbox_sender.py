"""inbox rows know their sender, so /delete can remove them

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 11:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sender_id", sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f("ix_inbox_sender_id"), ["sender_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_sender_id"))
        batch_op.drop_column("sender_id")
