"""Short confirmations, with dates in the user's own zone."""

import re
from datetime import datetime

from ..base import TaskDraft
from . import chatter

_HELP = re.compile(r"^(?:how\s+(?:do|can|would|should)\s+i|if\s+i|is\s+it\s+possible)")
_DAY = "%a %d %b"
_DAY_TIME = "%a %d %b %H:%M"
_RULE_WORDS = {
    "FREQ=DAILY": "every day",
    "FREQ=WEEKLY": "every week",
    "FREQ=MONTHLY": "every month",
    "FREQ=YEARLY": "every year",
}


def format_due(value: datetime, has_time: bool) -> str:
    return value.strftime(_DAY_TIME if has_time else _DAY)


def when(task: TaskDraft) -> str:
    return format_due(task.due_at, task.due_has_time) if task.due_at else "no date"


def task_added(task: TaskDraft) -> str:
    parts = [f'Added task "{task.title}"']
    if task.due_at:
        parts.append(f"due {when(task)}")
    if task.recurrence:
        freq = task.recurrence.split(";")[0]
        parts.append(f"repeats {_RULE_WORDS.get(freq, 'regularly')}")
    if task.priority < 4:
        parts.append(f"priority {task.priority}")
    return ", ".join(parts) + "."


def unsupported() -> str:
    return (
        "Sorry, I can't do that: I keep your notes and tasks. I can remind you "
        "about it, or note it down, if you tell me what and when."
    )


def chit_chat(text: str) -> str:
    lowered = text.lower()
    if _HELP.match(lowered):
        return (
            'Just tell me in your own words: "remind me to call Ana on Friday", '
            '"move the report to Monday", "delete the milk task", "what\'s due '
            'this week?". Deleted tasks are gone; completed ones can be reopened.'
        )
    if "joke" in lowered:
        return (
            "I'm better at remembering things than at jokes. What can I note for you?"
        )
    if "thank" in lowered or "thx" in lowered or "cheers" in lowered:
        return "You're welcome!"
    if "how are you" in lowered or "how's it going" in lowered:
        return "All good here, thanks! What can I note down for you?"
    if "bye" in lowered or "see you" in lowered:
        return "Bye for now!"
    if "what can you do" in lowered or "who are you" in lowered:
        return "I turn what you tell me into notes and tasks, and find them again."
    return _about(text)


def _about(text: str) -> str:
    if chatter.is_diary(text):
        return (
            'Sounds like quite a day! If you want me to keep it, start with "note:" '
            "and I'll save it."
        )
    if chatter.is_mood_or_remark(text) or chatter.is_question_to_assistant(text):
        return "Thanks for telling me. I'm here whenever there's something to note."
    if chatter.world_question(text) == "musing":
        return (
            "Good question! I only know what you've told me, so I can't settle "
            "that one, but I can note your thoughts on it."
        )
    if chatter.fragment(text):
        return (
            f'What should I do with "{text.strip()}"? I can note it, remind you '
            "about it, or look for it in your notes."
        )
    return "Hi! Tell me anything to note or any task to remember."
