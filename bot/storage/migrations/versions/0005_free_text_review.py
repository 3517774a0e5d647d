"""free-text check-ins: review before saving, exact duration

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("duration_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_column("duration_minutes")
        batch_op.drop_column("review")
