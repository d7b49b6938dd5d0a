import random

from notetaker.engines.llm.retry import RetryPolicy


def test_delay_retry_within_exponential_ceiling():
    policy = RetryPolicy(5, base=0.5, cap=4.0, rng=random.Random(7))

    delays = [[policy.delay(attempt) for _ in range(200)] for attempt in range(5)]

    for attempt, samples in enumerate(delays):
        ceiling = min(4.0, 0.5 * 2**attempt)
        assert all(0 <= d <= ceiling for d in samples)
        assert max(samples) > ceiling * 0.8  # spread over the whole window
        assert len(set(samples)) > 150  # jittered, not one fixed value


def test_delay_retry_honours_retry_after_under_cap():
    policy = RetryPolicy(2, base=0.5, cap=4.0)

    assert policy.delay(0, retry_after=2.5) == 2.5
    assert policy.delay(0, retry_after=120) == 4.0
