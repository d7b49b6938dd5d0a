from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from notetaker.core.errors import NotFound
from notetaker.models import Note
from notetaker.schemas.note import NoteRead
from notetaker.services import audit, listing
from notetaker.services.categories import get_category
from notetaker.services.tags import replace_tags, resolve_tags


@dataclass(frozen=True, slots=True)
class NoteFilter:
    text: str | None = None
    tag: str | None = None
    category_id: int | None = None
    pinned: bool | None = None
    archived: bool | None = False

    def filters(self) -> listing.Parameters:
        """The filters in use, as `NOTES` names them, with their values."""
        return listing.filters_in_use(
            archived=self.archived,
            pinned=self.pinned,
            category_id=self.category_id,
            tag=self.tag,
            text=self.text,
        )


NEWEST_FIRST = (Note.pinned.desc(), Note.updated_at.desc(), Note.id.desc())

NOTES = listing.Listing(
    Note,
    conditions={
        "archived": lambda: Note.archived == bindparam("archived"),
        "pinned": lambda: Note.pinned == bindparam("pinned"),
        **listing.common_conditions(Note, Note.title, Note.body),
    },
    order_by=NEWEST_FIRST,
)


def list_notes(
    session: Session, *, user_id: int, spec: NoteFilter, limit: int, offset: int
) -> tuple[list[listing.Row], int]:
    """A page of notes and the size of the whole filtered set (for `Database.read`)."""
    return NOTES.page(
        session, user_id=user_id, filters=spec.filters(), limit=limit, offset=offset
    )


async def get_note(session: AsyncSession, *, user_id: int, note_id: int) -> Note:
    note = await session.get(Note, note_id)
    if note is None or note.user_id != user_id:
        raise NotFound("Note not found.", details={"note_id": note_id})
    return note


async def create_note(
    session: AsyncSession,
    *,
    user_id: int,
    title: str,
    body: str = "",
    tags: list[str] = (),
    category_id: int | None = None,
    pinned: bool = False,
    message_id: int | None = None,
) -> Note:
    if category_id is not None:
        await get_category(session, user_id=user_id, category_id=category_id)
    note = Note(
        user_id=user_id,
        title=title,
        body=body,
        category_id=category_id,
        pinned=pinned,
        source_message_id=message_id,
        tags=await resolve_tags(session, user_id=user_id, names=list(tags)),
    )
    session.add(note)
    await session.flush()
    await audit.record(
        session,
        user_id=user_id,
        action="note.created",
        object_type="note",
        object_id=note.id,
        message_id=message_id,
        payload=_shown(note),
    )
    return note


async def update_note(
    session: AsyncSession, *, note: Note, changes: dict[str, object]
) -> Note:
    if changes.get("category_id") is not None:
        await get_category(
            session, user_id=note.user_id, category_id=changes["category_id"]
        )
    fields = sorted(changes)
    if "tags" in changes:
        names = changes.pop("tags")
        await replace_tags(session, owner=note, names=names)
    for field, value in changes.items():
        setattr(note, field, value)
    await session.flush()
    await audit.record(
        session,
        user_id=note.user_id,
        action="note.updated",
        object_type="note",
        object_id=note.id,
        changes={"fields": fields},
        payload=_shown(note),
    )
    return note


async def delete_note(session: AsyncSession, *, note: Note) -> None:
    await session.delete(note)
    await session.flush()
    await audit.record(
        session,
        user_id=note.user_id,
        action="note.deleted",
        object_type="note",
        object_id=note.id,
    )


def _shown(note: Note) -> dict:
    return NoteRead.model_validate(note).model_dump(mode="json")
