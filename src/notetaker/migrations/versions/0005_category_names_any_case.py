"""a user's category names unique in any case; case-duplicates merged

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 18:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_categories = sa.table(
    "categories",
    sa.column("id", sa.Integer()),
    sa.column("user_id", sa.Integer()),
    sa.column("name", sa.String()),
    sa.column("color", sa.String()),
)
_filed = [
    sa.table(name, sa.column("category_id", sa.Integer()))
    for name in ("notes", "tasks")
]


def upgrade() -> None:
    _merge_case_duplicates()
    with op.batch_alter_table("categories", schema=None) as batch_op:
        batch_op.drop_constraint("uq_categories_user_id_name", type_="unique")
    op.create_index(
        "uq_categories_user_id_lower_name",
        "categories",
        ["user_id", sa.text("lower(name)")],
        unique=True,
    )


def _merge_case_duplicates() -> None:
    """Before the index, a race could file "Work" and "work" apart. The oldest of
    such a set keeps its name and takes the others' notes and tasks, and their
    first colour when it has none."""
    connection = op.get_bind()
    lower_name = sa.func.lower(_categories.c.name)
    sets = connection.execute(
        sa.select(_categories.c.user_id, lower_name)
        .group_by(_categories.c.user_id, lower_name)
        .having(sa.func.count() > 1)
    ).all()
    for user_id, name in sets:
        rows = connection.execute(
            sa.select(_categories.c.id, _categories.c.color)
            .where(_categories.c.user_id == user_id, lower_name == name)
            .order_by(_categories.c.id)
        ).all()
        _merge(connection, keep=rows[0], others=rows[1:])


def _merge(connection, *, keep: sa.Row, others: list[sa.Row]) -> None:
    gone = [row.id for row in others]
    for table in _filed:
        connection.execute(
            table.update()
            .where(table.c.category_id.in_(gone))
            .values(category_id=keep.id)
        )
    colours = [row.color for row in others if row.color is not None]
    if keep.color is None and colours:
        connection.execute(
            _categories.update()
            .where(_categories.c.id == keep.id)
            .values(color=colours[0])
        )
    connection.execute(_categories.delete().where(_categories.c.id.in_(gone)))


def downgrade() -> None:
    op.drop_index("uq_categories_user_id_lower_name", table_name="categories")
    with op.batch_alter_table("categories", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            "uq_categories_user_id_name", ["user_id", "name"]
        )
