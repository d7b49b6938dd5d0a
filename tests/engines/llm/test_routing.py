import pytest

from notetaker.engines.llm.routing import Router
from notetaker.engines.llm.tokens import EstimateCounter, default_counter


def _router() -> Router:
    return Router(default_counter(), large_tokens=60, large_lines=3)


@pytest.mark.parametrize(
    "text",
    ["remind me to buy milk", "the wifi password is on the fridge", "call mum at 6"],
)
def test_route_simple_capture_to_small_model(text):
    route = _router().decide(text)

    assert route.size == "small"
    assert route.reason.startswith("simple capture")


def test_route_brain_dump_to_large_model():
    text = "today:\n- finish the deck\n- email Ana about the budget\n- book flights"

    route = _router().decide(text)

    assert route.size == "large"
    assert route.reason == "brain dump (4 lines)"


@pytest.mark.parametrize("text", ["what's due this week?", "show my overdue tasks"])
def test_route_question_to_large_model(text):
    assert _router().decide(text).reason == "question"


def test_route_long_message_to_large_model():
    text = "so I was thinking that " * 12

    route = _router().decide(text)

    assert route.size == "large"
    assert route.reason.startswith("long message")


def test_route_with_configured_thresholds():
    text = "line one\nline two"
    strict = Router(EstimateCounter(), large_tokens=1000, large_lines=2)
    loose = Router(EstimateCounter(), large_tokens=1000, large_lines=5)

    assert strict.decide(text).size == "large"
    assert loose.decide(text).size == "small"


def test_route_decision_as_thinking_step():
    step = _router().decide("what did I decide about marketing?").step()

    assert step.kind == "route"
    assert step.label == "Routed to the large model: question"
    assert step.detail["size"] == "large"
