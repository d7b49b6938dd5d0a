"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";

import { EmptyState, Skeleton } from "@/components/empty-state";
import { NoteItem } from "@/components/note-item";
import { useCategoryNames } from "@/hooks/use-categories";
import { noteQueries, type NoteFilters } from "@/lib/queries/note-queries";

function filtersFor(text: string, archived: boolean): NoteFilters {
  const words = text.trim();
  const filters: NoteFilters = { archived };
  if (words.startsWith("#")) filters.tag = words.slice(1);
  else if (words) filters.q = words;
  return filters;
}

export function NoteList() {
  const [text, setText] = useState("");
  const [archived, setArchived] = useState(false);
  const deferredText = useDeferredValue(text);
  const categories = useCategoryNames();
  const filters = useMemo(
    () => filtersFor(deferredText, archived),
    [deferredText, archived],
  );
  const { data, isPending, isError } = useQuery(noteQueries.list(filters));
  const notes = useMemo(
    () =>
      [...(data?.items ?? [])].sort(
        (a, b) => Number(b.pinned) - Number(a.pinned),
      ),
    [data],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-2 border-b border-stone-200 p-3 dark:border-stone-800">
        <input
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Filter, or #tag"
          aria-label="Filter notes"
          className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900"
        />
        <label className="flex items-center gap-1 text-xs text-stone-600 dark:text-stone-300">
          <input
            type="checkbox"
            checked={archived}
            onChange={(event) => setArchived(event.target.checked)}
            className="accent-teal-700"
          />
          Archived
        </label>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-1">
        {isPending ? (
          <Skeleton rows={4} />
        ) : isError ? (
          <EmptyState title="Notes could not be loaded." />
        ) : notes.length === 0 ? (
          <EmptyState
            title="No notes here."
            hint="Tell the assistant something worth keeping."
          />
        ) : (
          <ul aria-label="Notes">
            {notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                category={
                  note.category_id ? categories.get(note.category_id) : null
                }
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
