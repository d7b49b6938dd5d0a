"""ids of tasks, notes, conversations and messages never given twice on SQLite

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:40:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Their ids reach people: links in chat answers (/tasks/N), the audit log, the
# message a note or task came from. Without AUTOINCREMENT, SQLite gives the id of
# a deleted newest row to the next one.
_TABLES = ("conversations", "messages", "notes", "tasks")


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)


def _rebuild(*, autoincrement: bool) -> None:
    """Copy each table into a new one of the same columns, keys, checks and
    indexes. PostgreSQL's sequences never hand out an id twice: nothing to do."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in _TABLES:
        with op.batch_alter_table(
            name,
            recreate="always",
            table_kwargs={"sqlite_autoincrement": autoincrement},
            # The tables it refers to stay as they are: no need to read them.
            reflect_kwargs={"resolve_fks": False},
        ):
            pass
