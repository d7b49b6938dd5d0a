"""Load mixes for `make bench` (run by bench/run.py, which starts the servers).

Every virtual user signs in as an account of its own, prepared by the runner and
listed in the JSON file named by BENCH_ACCOUNTS. With BENCH_PROCESSES locust
processes, process i takes accounts i, i + n, i + 2n, ... so none is shared.
"""

import itertools
import json
import os
import random

from locust import between, constant, task
from locust.contrib.fasthttp import FastHttpUser

MESSAGES = (
    "remind me to call the dentist next Friday at 3pm, it's urgent",
    "note: the office wifi password is on the fridge",
    "what's due this week?",
    "buy milk and eggs tomorrow morning",
    "mark the dentist task done",
    "the marketing plan: focus on the spring launch, budget review in May",
)
SEARCH_TERMS = ("dentist", "wifi", "milk", "marketing", "plan")


def _load_accounts() -> list[dict]:
    path = os.environ.get("BENCH_ACCOUNTS")
    if not path:
        return []
    with open(path) as file:
        return json.load(file)


ACCOUNTS = _load_accounts()
PROCESSES = int(os.environ.get("BENCH_PROCESSES", "1"))
_started_users = itertools.count()


def _reply_failed(exchange: dict) -> bool:
    return exchange["assistant_message"]["status"] == "failed"


class _SignedInUser(FastHttpUser):
    abstract = True

    def on_start(self) -> None:
        index = next(_started_users) * PROCESSES + self.environment.runner.worker_index
        account = ACCOUNTS[index % len(ACCOUNTS)]
        self.conversation_id = account["conversation_id"]
        self.auth = {"Authorization": f"Bearer {account['token']}"}

    def get_notes(self) -> None:
        self.client.get("/api/notes", headers=self.auth, name="GET /api/notes")

    def get_tasks(self) -> None:
        self.client.get("/api/tasks", headers=self.auth, name="GET /api/tasks")

    def get_dashboard(self) -> None:
        self.client.get("/api/dashboard", headers=self.auth, name="GET /api/dashboard")

    def get_search(self) -> None:
        term = random.choice(SEARCH_TERMS)
        self.client.get(
            f"/api/notes?q={term}", headers=self.auth, name="GET /api/notes?q= (search)"
        )


class MixUser(_SignedInUser):
    """The seed's mix: send message 3 : list notes 1 : list tasks 1, plus the
    dashboard and search; a person pauses before each action."""

    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        super().on_start()
        # A person's first action comes after a pause too. Locust starts users in
        # batches (here 100 at a time); each batch sent its first requests in the
        # same instant, a queue of up to 350 ms that made most of the slowest 1 %
        # of a 30 s mix.
        self.wait()

    @task(3)
    def send_message(self) -> None:
        with self.client.post(
            f"/api/conversations/{self.conversation_id}/message",
            json={"content": random.choice(MESSAGES)},
            headers=self.auth,
            name="POST /api/conversations/{id}/message",
            catch_response=True,
        ) as response:
            # A message the server could not process still answers 200, with a
            # failure reply: for the benchmark that is an error.
            if response.status_code == 200 and _reply_failed(response.json()):
                response.failure("the assistant replied with a failure")

    @task(1)
    def read_notes(self) -> None:
        self.get_notes()

    @task(1)
    def read_tasks(self) -> None:
        self.get_tasks()

    @task(1)
    def read_dashboard(self) -> None:
        self.get_dashboard()

    @task(1)
    def search_notes(self) -> None:
        self.get_search()


class ReadUser(_SignedInUser):
    """The read endpoints as fast as they answer: the throughput measurement."""

    wait_time = constant(0)

    @task
    def read_notes(self) -> None:
        self.get_notes()

    @task
    def read_tasks(self) -> None:
        self.get_tasks()

    @task
    def read_dashboard(self) -> None:
        self.get_dashboard()

    @task
    def search_notes(self) -> None:
        self.get_search()


class BareUser(FastHttpUser):
    """The baseline: a bare ASGI endpoint (bench/bare.py) on the same server stack."""

    wait_time = constant(0)

    @task
    def bare(self) -> None:
        self.client.get("/", name="GET / (bare ASGI)")
