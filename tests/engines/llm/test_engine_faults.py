"""One LLM engine against a local server of each protocol, streamed and not, with
faults injected: the engine retries what may pass, and fails fast and typed when
it cannot. Every call is bounded: a hang would fail the test, not stall it."""

import asyncio

import pytest

from notetaker.engines.llm.engine import Answer
from notetaker.engines.llm.errors import InvalidOutput, ProviderError
from tests.engines.llm.conftest import PROTOCOLS, make_engine
from tests.engines.llm.fake_provider import GOOD_PLAN, Behaviour, FakeProvider

BOUND = 15  # seconds; every call below finishes well before, or the test fails
MESSAGES = [{"role": "user", "content": "remind me to call the dentist"}]
SCHEMA = {"type": "object"}
STREAMED = [True, False]


def _reply_of(text: str) -> str:
    import json

    return json.loads(text)["reply"]


async def _answer(engine, *, check=_reply_of, on_reply=None) -> Answer:
    async with asyncio.timeout(BOUND):
        return await engine.answer(
            MESSAGES, size="small", schema=SCHEMA, check=check, on_reply=on_reply
        )


@pytest.mark.parametrize("stream", STREAMED)
@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_good_response(closing, fake: FakeProvider, protocol, stream):
    engine = make_engine(protocol, fake, stream=stream)
    closing.append(engine)

    answer = await _answer(engine)

    assert answer.value == GOOD_PLAN["reply"]
    assert answer.model == f"{protocol}-small"
    assert answer.tokens == 140
    assert not answer.repaired
    sent = fake.requests[0].body
    assert sent["model"] == f"{protocol}-small" and sent["stream"] is stream
    assert sent["messages"] == MESSAGES


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_sends_schema_in_protocol_field(closing, fake, protocol):
    engine = make_engine(protocol, fake)
    closing.append(engine)

    await _answer(engine)

    body = fake.requests[0].body
    if protocol == "ollama":
        assert body["format"] == SCHEMA
    else:
        assert body["response_format"]["type"] == "json_schema"
        assert body["response_format"]["json_schema"]["schema"] == SCHEMA


@pytest.mark.parametrize(
    "fault",
    [
        Behaviour(fault="status", status=429),
        Behaviour(fault="status", status=500),
        Behaviour(fault="status", status=503, retry_after=0.01),
        Behaviour(fault="malformed"),
        Behaviour(fault="truncated"),
        Behaviour(fault="drop"),
        Behaviour(delay=1.5),  # past the 1 s request timeout
    ],
    ids=["429", "500", "503-retry-after", "malformed", "truncated", "drop", "slow"],
)
@pytest.mark.parametrize("stream", STREAMED)
@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_retries_transient_fault(
    closing, fake, protocol, stream, fault
):
    fake.reset(fault)
    engine = make_engine(protocol, fake, stream=stream)
    closing.append(engine)

    answer = await _answer(engine)

    assert answer.value == GOOD_PLAN["reply"]
    assert len(fake.requests) == 2
    assert engine.breaker.health == "up"


@pytest.mark.parametrize("stream", STREAMED)
@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_gives_up_after_bounded_retries(
    closing, fake, protocol, stream
):
    fake.reset(default=Behaviour(fault="status", status=500))
    engine = make_engine(protocol, fake, stream=stream, retries=2)
    closing.append(engine)

    with pytest.raises(ProviderError) as raised:
        await _answer(engine)

    assert raised.value.status == 500
    assert len(fake.requests) == 3
    assert engine.breaker.health == "degraded"


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_does_not_retry_client_error(closing, fake, protocol):
    fake.reset(default=Behaviour(fault="status", status=401))
    engine = make_engine(protocol, fake)
    closing.append(engine)

    with pytest.raises(ProviderError) as raised:
        await _answer(engine)

    assert not raised.value.retryable
    assert len(fake.requests) == 1


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_times_out_hung_provider(closing, fake, protocol):
    fake.reset(default=Behaviour(delay=30.0))
    engine = make_engine(protocol, fake, retries=0, request_timeout=0.3)
    closing.append(engine)

    with pytest.raises(ProviderError, match="in time"):
        await _answer(engine)


@pytest.mark.parametrize("stream", STREAMED)
@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_repairs_invalid_output_once(closing, fake, protocol, stream):
    fake.reset(Behaviour(content='{"reply": "no intent"}'))
    engine = make_engine(protocol, fake, stream=stream)
    closing.append(engine)

    answer = await _answer(engine, check=_strict)

    assert answer.repaired
    assert answer.tokens == 280  # both requests count
    repair = fake.requests[1].body["messages"]
    assert repair[-2] == {"role": "assistant", "content": '{"reply": "no intent"}'}
    assert "intent" in repair[-1]["content"]


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_invalid_twice_raises(closing, fake, protocol):
    fake.reset(default=Behaviour(content="not json at all"))
    engine = make_engine(protocol, fake)
    closing.append(engine)

    with pytest.raises(InvalidOutput):
        await _answer(engine, check=_strict)

    assert len(fake.requests) == 2


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_streams_reply_deltas(closing, fake, protocol):
    fake.reset(Behaviour(chunk_size=5))
    engine = make_engine(protocol, fake, stream=True)
    closing.append(engine)
    deltas: list[tuple[str, int]] = []

    async def on_reply(text: str, offset: int) -> None:
        deltas.append((text, offset))

    await _answer(engine, on_reply=on_reply)

    assert len(deltas) > 3
    assert "".join(text for text, _ in deltas) == GOOD_PLAN["reply"]
    assert [offset for _, offset in deltas][0] == 0


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_answer_plan_bounds_requests_in_flight(closing, fake, protocol):
    fake.reset(default=Behaviour(delay=0.2))
    engine = make_engine(protocol, fake, max_in_flight=2)
    closing.append(engine)

    async with asyncio.timeout(BOUND):
        await asyncio.gather(*(_answer(engine) for _ in range(6)))

    assert fake.max_in_flight == 2


def _strict(text: str) -> str:
    from notetaker.engines.llm.convert import parse_plan

    return parse_plan(text).reply
