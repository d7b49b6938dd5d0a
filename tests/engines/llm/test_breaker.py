from notetaker.engines.llm.breaker import CircuitBreaker


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _breaker(clock: Clock) -> CircuitBreaker:
    return CircuitBreaker(failures=3, reset_after=10, clock=clock)


def test_open_breaker_after_repeated_failures():
    breaker = _breaker(Clock())

    for _ in range(2):
        breaker.record_failure()
    assert breaker.state == "closed" and breaker.health == "degraded"
    breaker.record_failure()

    assert breaker.state == "open"
    assert breaker.health == "circuit_open"
    assert not breaker.allow()


def test_reset_breaker_failures_on_success():
    breaker = _breaker(Clock())
    breaker.record_failure()
    breaker.record_failure()

    breaker.record_success()
    breaker.record_failure()
    breaker.record_failure()

    assert breaker.state == "closed"


def test_half_open_breaker_lets_one_probe_through():
    clock = Clock()
    breaker = _breaker(clock)
    for _ in range(3):
        breaker.record_failure()

    clock.now = 10.0

    assert breaker.state == "half_open"
    assert breaker.allow()
    assert not breaker.allow()


def test_close_breaker_when_probe_succeeds():
    clock = Clock()
    breaker = _breaker(clock)
    for _ in range(3):
        breaker.record_failure()
    clock.now = 10.0
    breaker.allow()

    breaker.record_success()

    assert breaker.state == "closed" and breaker.health == "up"
    assert breaker.allow() and breaker.allow()


def test_reopen_breaker_when_probe_fails():
    clock = Clock()
    breaker = _breaker(clock)
    for _ in range(3):
        breaker.record_failure()
    clock.now = 10.0
    breaker.allow()

    breaker.record_failure()

    assert breaker.state == "open"
    clock.now = 19.9
    assert not breaker.allow()
    clock.now = 20.0
    assert breaker.allow()


def test_replace_breaker_probe_that_never_reported():
    clock = Clock()
    breaker = _breaker(clock)
    for _ in range(3):
        breaker.record_failure()
    clock.now = 10.0
    assert breaker.allow()  # its caller is cancelled and never reports back

    clock.now = 15.0
    assert not breaker.allow()
    clock.now = 20.0
    assert breaker.allow()
