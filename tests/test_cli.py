"""`notetaker config` shows the settings in effect but none of the secrets."""

import os
import subprocess
import sys

from notetaker.core.config import mask_url_password


def test_config_masks_secrets(tmp_path):
    env = {
        **os.environ,
        "NOTETAKER_DATABASE_URL": "postgresql+asyncpg://app:pg-s3cret@db:5432/notes",
        "NOTETAKER_REDIS_URL": "redis://:redis-s3cret@cache:6379/0",
        "NOTETAKER_OPENAI_API_KEY": "sk-api-s3cret",
        "NOTETAKER_METRICS_TOKEN": "metrics-s3cret",
    }

    result = subprocess.run(
        [sys.executable, "-m", "notetaker.cli", "config"],
        cwd=tmp_path,  # no .env file here
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert "s3cret" not in result.stdout
    lines = result.stdout.splitlines()
    assert "NOTETAKER_DATABASE_URL=postgresql+asyncpg://app:***@db:5432/notes" in lines
    assert "NOTETAKER_REDIS_URL=redis://:***@cache:6379/0" in lines
    assert "NOTETAKER_OPENAI_API_KEY=**********" in lines
    assert "NOTETAKER_PORT=8000" in lines


def test_mask_url_password_keeps_urls_without_one():
    for url in (
        "sqlite+aiosqlite:///./data/notetaker.db",
        "postgresql+asyncpg://app@[::1]:5432/notes",
        "not a url",
    ):
        assert mask_url_password(url) == url
    assert mask_url_password("http://u:p@[::1]:80/x") == "http://u:***@[::1]:80/x"


def test_bad_settings_named_without_stack_trace_or_value(tmp_path):
    env = {
        **os.environ,
        "NOTETAKER_PORT": "99999",
        "NOTETAKER_DATABASE_URL": "mysql://app:db-s3cret@db/notes",
    }

    result = subprocess.run(
        [sys.executable, "-m", "notetaker.cli", "config"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert (
        "NOTETAKER_PORT: Input should be less than or equal to 65535" in result.stderr
    )
    assert "NOTETAKER_DATABASE_URL: Value error, unsupported" in result.stderr
    assert "Traceback" not in result.stderr and "s3cret" not in result.stderr


def test_serve_refuses_flags_out_of_range():
    for flag, value in (("--port", "0"), ("--workers", "0"), ("--workers", "two")):
        result = subprocess.run(
            [sys.executable, "-m", "notetaker.cli", "serve", flag, value],
            capture_output=True,
            text=True,
            timeout=60,
        )

        assert result.returncode == 2
        assert f"argument {flag}: must be a whole number" in result.stderr
