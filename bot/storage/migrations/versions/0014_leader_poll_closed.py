"""leader poll closed: whether the last leader's getUpdates is known to be over

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 06:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("leader_epoch") as batch:
        batch.add_column(sa.Column("poll_closed", sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("leader_epoch") as batch:
        batch.drop_column("poll_closed")
