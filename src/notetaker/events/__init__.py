"""Live events for a user's open tabs: thinking steps, replies, note and task changes.

Changes are emitted into the transaction's outbox and handed to the hub when it
commits; other events go straight to `hub.publish(user_id, event)`. Each WebSocket
subscribes to its own user's stream. The in-process hub serves one process; with
several, the Redis hub (when Redis is configured) or the database hub carries
events between them (see `selection`).
"""

from notetaker.events.hub import Event, EventHub, InProcessHub

__all__ = ["Event", "EventHub", "InProcessHub"]
