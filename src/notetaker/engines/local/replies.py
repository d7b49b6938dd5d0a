"""Short confirmations, with dates in the user's own zone."""

import re
from datetime import datetime

from ..base import NoteDraft, TaskDraft
from . import chatter
from .rule_words import describe

_HELP = re.compile(r"^(?:how\s+(?:do|can|would|should)\s+i|if\s+i|is\s+it\s+possible)")
_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|yo|howdy|good\s+(?:morning|afternoon|evening))"
    r"(?:[\s,]+(?:there|again|buddy|friend|mate))*[\s!.]*$"
)
_DAY = "%a %d %b"
_DAY_TIME = "%a %d %b %H:%M"


def format_due(value: datetime, has_time: bool) -> str:
    return value.strftime(_DAY_TIME if has_time else _DAY)


def when(task: TaskDraft) -> str:
    return format_due(task.due_at, task.due_has_time) if task.due_at else "no date"


def task_added(task: TaskDraft) -> str:
    return f"Added task {_described(task)}."


def tasks_added(tasks: list[TaskDraft]) -> str:
    if len(tasks) == 1:
        return task_added(tasks[0])
    return f"Added {len(tasks)} tasks: " + "; ".join(map(_described, tasks)) + "."


def _described(task: TaskDraft) -> str:
    parts = [f'"{task.title}"']
    if task.due_at:
        parts.append(f"due {when(task)}")
    if task.recurrence:
        parts.append(f"repeats {describe(task.recurrence)}")
    if task.priority < 4:
        parts.append(f"priority {task.priority}")
    return ", ".join(parts)


def dump_organised(note: NoteDraft, tasks: list[TaskDraft], left_out: int) -> str:
    count = f"{len(tasks)} task{'s' if len(tasks) != 1 else ''}"
    reply = f'Organised your thoughts into the note "{note.title}" and added {count}.'
    if not left_out:
        return reply
    return (
        f"{reply} There were {len(tasks) + left_out} action items: I add at most "
        f"{len(tasks)} tasks from one message, so that a pasted document can't flood "
        f"your task list. The other {left_out} are listed in the note; tell me "
        "which ones you want as tasks."
    )


def not_english(title: str) -> str:
    return (
        "Sorry, I only understand English, so I couldn't look for a task or a date "
        f'in that. I saved it as it is, as the note "{title}"; say it in English '
        "if you want a task or a reminder."
    )


_WAKE_OR_ALARM = re.compile(r"\b(?:wake|waking|alarms?|get\s+me\s+up)\b", re.I)


def unsupported(text: str) -> str:
    if _WAKE_OR_ALARM.search(text):
        # Said with a time, it still needs a different request, not a time.
        return (
            "Sorry, I can't do that: I keep your notes and tasks, and can't ring "
            'an alarm. If a reminder helps, say "remind me to wake up at 6" and '
            "I'll add it as a task for then."
        )
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
    if _GREETING.match(lowered.strip()):
        return "Hi! Tell me anything to note or any task to remember."
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
