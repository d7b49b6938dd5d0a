"use client";

import { useEffect, useRef, useState } from "react";

import { Markdown } from "@/components/markdown";
import { TagList } from "@/components/tag-list";
import { useZone } from "@/hooks/use-me";
import { useDeleteNote, useUpdateNote } from "@/hooks/use-note-mutations";
import { useSidebar } from "@/hooks/use-sidebar";
import type { Note } from "@/lib/api/client";
import { shortDate } from "@/lib/dates";

export function NoteItem({
  note,
  category,
}: {
  note: Note;
  category?: string | null;
}) {
  const [editing, setEditing] = useState(false);
  const sidebar = useSidebar();
  const focused =
    sidebar?.focused?.kind === "note" && sidebar.focused.id === note.id;
  const ref = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: "nearest" });
  }, [focused]);

  return (
    <li
      ref={ref}
      data-testid="note-item"
      data-note-id={note.id}
      className={`group rounded-md px-2 py-2 hover:bg-stone-100 dark:hover:bg-stone-800/60 ${focused ? "bg-teal-50 ring-1 ring-teal-300 dark:bg-teal-950/50 dark:ring-teal-800" : ""}`}
    >
      {editing ? (
        <NoteEditor note={note} onDone={() => setEditing(false)} />
      ) : (
        <NoteSummary
          note={note}
          category={category}
          expanded={focused}
          onEdit={() => setEditing(true)}
        />
      )}
    </li>
  );
}

function NoteSummary({
  note,
  category,
  expanded,
  onEdit,
}: {
  note: Note;
  category?: string | null;
  expanded: boolean;
  onEdit: () => void;
}) {
  const update = useUpdateNote();
  const remove = useDeleteNote();
  const zone = useZone();
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <button
          type="button"
          onClick={onEdit}
          title="Edit"
          className="min-w-0 flex-1 text-left text-sm font-medium break-words text-stone-800 dark:text-stone-100"
        >
          {note.pinned && <span aria-label="Pinned">📌 </span>}
          {note.title}
        </button>
        <span className="text-xs text-stone-500 dark:text-stone-400">
          {shortDate(note.updated_at, zone)}
        </span>
      </div>
      {note.body && (
        <Markdown
          text={note.body}
          className={`text-sm text-stone-600 dark:text-stone-300 ${expanded ? "" : "line-clamp-2"}`}
        />
      )}
      <div className="flex items-center gap-2">
        <TagList tags={note.tags} category={category} />
        <span className="ml-auto flex gap-2 text-xs opacity-0 group-focus-within:opacity-100 group-hover:opacity-100">
          <button
            type="button"
            onClick={() =>
              update.mutate({ id: note.id, patch: { pinned: !note.pinned } })
            }
            className="text-stone-500 hover:text-stone-800 dark:hover:text-stone-100"
          >
            {note.pinned ? "Unpin" : "Pin"}
          </button>
          <button
            type="button"
            onClick={() => remove.mutate(note.id)}
            aria-label={`Delete “${note.title}”`}
            className="text-stone-500 hover:text-red-700"
          >
            Delete
          </button>
        </span>
      </div>
    </div>
  );
}

function NoteEditor({ note, onDone }: { note: Note; onDone: () => void }) {
  const update = useUpdateNote();
  const [title, setTitle] = useState(note.title);
  const [body, setBody] = useState(note.body);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    update.mutate({ id: note.id, patch: { title: title.trim(), body } });
    onDone();
  };

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => event.key === "Escape" && onDone()}
      className="space-y-2"
    >
      <input
        autoFocus
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        aria-label="Note title"
        className="w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-900"
      />
      <textarea
        value={body}
        onChange={(event) => setBody(event.target.value)}
        aria-label="Note text"
        rows={6}
        className="w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-900"
      />
      <div className="flex gap-2">
        <button
          type="submit"
          className="rounded bg-teal-700 px-2 py-1 text-xs font-medium text-white hover:bg-teal-800"
        >
          Save
        </button>
        <button
          type="button"
          onClick={onDone}
          className="px-1 text-xs text-stone-600 hover:underline dark:text-stone-300"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
