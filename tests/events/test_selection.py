"""Which hub carries live events, from the settings and the worker count."""

import os

import pytest

from notetaker import server
from notetaker.core.config import Settings
from notetaker.events import InProcessHub
from notetaker.events.database_hub import DatabaseHub
from notetaker.events.redis_hub import RedisHub
from notetaker.events.selection import build_event_hub


def _no_database():
    raise AssertionError("choosing a hub reads no database")


@pytest.mark.parametrize(
    ("settings", "kind"),
    [
        ({}, InProcessHub),
        ({"workers": 4}, DatabaseHub),
        ({"redis_url": "redis://127.0.0.1:6379/0"}, RedisHub),
        ({"redis_url": "redis://127.0.0.1:6379/0", "workers": 4}, RedisHub),
    ],
)
async def test_build_event_hub_by_settings(settings, kind):
    # Named in full, so that no variable of the environment decides.
    chosen = {"redis_url": None, "workers": 1, **settings}
    hub = build_event_hub(Settings(_env_file=None, **chosen), _no_database)

    assert type(hub) is kind
    await hub.aclose()


@pytest.mark.parametrize("workers", [1, 3])
def test_serve_tells_workers_how_many_they_are(monkeypatch, workers):
    monkeypatch.setenv("NOTETAKER_WORKERS", "9")
    monkeypatch.setattr(server.uvicorn, "run", lambda *args, **kwargs: None)
    monkeypatch.setattr(server, "_supervise", lambda *args: None)

    server.serve(host="127.0.0.1", port=8123, workers=workers, migrate=False)

    assert os.environ["NOTETAKER_WORKERS"] == str(workers)
    assert Settings(_env_file=None).workers == workers
