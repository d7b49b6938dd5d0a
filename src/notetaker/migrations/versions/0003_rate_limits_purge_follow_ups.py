"""rate-limit counters, expired-login index, a recurring task's next occurrence;
all-day tasks moved to their owner's current zone

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 15:00:00
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from notetaker.db.types import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_counters",
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit_counters")),
    )
    with op.batch_alter_table("rate_limit_counters", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rate_limit_counters_expires_at"), ["expires_at"]
        )
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auth_sessions_expires_at"), ["expires_at"])
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("next_occurrence_id", sa.Integer(), nullable=True)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_tasks_next_occurrence_id_tasks"),
            "tasks",
            ["next_occurrence_id"],
            ["id"],
            ondelete="SET NULL",
        )

    _move_all_day_tasks_to_owner_zones()


def _move_all_day_tasks_to_owner_zones() -> None:
    """All-day tasks are now kept at midnight in their owner's current zone; those
    of users who changed zone before were left at midnight in the old one."""
    tasks = sa.table(
        "tasks",
        sa.column("id", sa.Integer()),
        sa.column("user_id", sa.Integer()),
        sa.column("due_at", UTCDateTime()),
        sa.column("due_has_time", sa.Boolean()),
        sa.column("timezone", sa.String()),
    )
    users = sa.table("users", sa.column("id", sa.Integer()), sa.column("timezone"))
    query = (
        sa.select(tasks.c.id, tasks.c.due_at, tasks.c.timezone, users.c.timezone)
        .join(users, users.c.id == tasks.c.user_id)
        .where(tasks.c.due_has_time == sa.false(), tasks.c.due_at.is_not(None))
        .where(tasks.c.timezone != users.c.timezone)
    )
    connection = op.get_bind()
    for task_id, due_at, old_zone, new_zone in connection.execute(query).all():
        day = due_at.astimezone(ZoneInfo(old_zone)).date()
        midnight = datetime.combine(day, datetime.min.time(), ZoneInfo(new_zone))
        connection.execute(
            tasks.update()
            .where(tasks.c.id == task_id)
            .values(due_at=midnight, timezone=new_zone)
        )


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_tasks_next_occurrence_id_tasks"), type_="foreignkey"
        )
        batch_op.drop_column("next_occurrence_id")
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_sessions_expires_at"))
    with op.batch_alter_table("rate_limit_counters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rate_limit_counters_expires_at"))
    op.drop_table("rate_limit_counters")
