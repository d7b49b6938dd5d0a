"""Live events for a user's open tabs: thinking steps, replies, note and task changes.

Publishers call `hub.publish(user_id, event)`; each WebSocket subscribes to its own
user's stream. The in-process hub serves one process; a Redis-backed hub (same
interface) fans events out across processes.
"""

from notetaker.events.hub import Event, EventHub, InProcessHub

__all__ = ["Event", "EventHub", "InProcessHub"]
