from fastapi import APIRouter, status

from notetaker.api.deps import CurrentUser, Db, OwnedNote, Session
from notetaker.api.routes.params import (
    CategoryQuery,
    Limit,
    Offset,
    TagQuery,
    TextQuery,
)
from notetaker.schemas.note import NoteCreate, NotePage, NoteRead, NoteUpdate
from notetaker.services import notes

router = APIRouter(prefix="/api/notes", tags=["notes"])


@router.get("")
async def list_notes(
    user: CurrentUser,
    db: Db,
    q: TextQuery = None,
    tag: TagQuery = None,
    category_id: CategoryQuery = None,
    pinned: bool | None = None,
    archived: bool | None = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> NotePage:
    spec = notes.NoteFilter(
        text=q, tag=tag, category_id=category_id, pinned=pinned, archived=archived
    )
    items, total = await db.read(
        notes.list_notes, user_id=user.id, spec=spec, limit=limit, offset=offset
    )
    return NotePage(items=items, total=total, limit=limit, offset=offset)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_note(
    data: NoteCreate, user: CurrentUser, session: Session
) -> NoteRead:
    note = await notes.create_note(session, user_id=user.id, **data.model_dump())
    return NoteRead.model_validate(note)


@router.get("/{note_id}")
async def get_note(note: OwnedNote) -> NoteRead:
    return NoteRead.model_validate(note)


@router.patch("/{note_id}")
async def update_note(data: NoteUpdate, note: OwnedNote, session: Session) -> NoteRead:
    await notes.update_note(session, note=note, changes=data.changes())
    return NoteRead.model_validate(note)


@router.delete("/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_note(note: OwnedNote, session: Session) -> None:
    await notes.delete_note(session, note=note)
