"""conversation summary

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("summary", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("summary_through", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("summary_through")
        batch_op.drop_column("summary")
