"""Alembic, driven from code so that no alembic.ini has to be found at run time."""

from pathlib import Path

from alembic import command
from alembic.config import Config

from notetaker.core.config import Settings

_SCRIPTS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(settings: Settings) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    config.set_main_option("sqlalchemy.url", settings.database_url)
    return config


def upgrade(settings: Settings, revision: str = "head") -> None:
    """Blocking: call it before the event loop starts, or from a worker thread."""
    path = settings.sqlite_path()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(settings), revision)


def downgrade(settings: Settings, revision: str) -> None:
    command.downgrade(alembic_config(settings), revision)
