import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import type { Note, Task } from "@/lib/api/client";
import { noteQueries } from "@/lib/queries/note-queries";
import { taskQueries } from "@/lib/queries/task-queries";

export type Created = { notes: Note[]; tasks: Task[] };

/** Notes and tasks by the user message they came from, so that replies
 * loaded from history still show what they created. */
export function useCreatedIndex(): Map<number, Created> {
  const tasks = useQuery(taskQueries.list({})).data?.items;
  const notes = useQuery(noteQueries.list({ archived: false })).data?.items;
  return useMemo(() => {
    const index = new Map<number, Created>();
    const entry = (id: number) => {
      let found = index.get(id);
      if (!found) index.set(id, (found = { notes: [], tasks: [] }));
      return found;
    };
    for (const task of tasks ?? []) {
      if (task.source_message_id)
        entry(task.source_message_id).tasks.push(task);
    }
    for (const note of notes ?? []) {
      if (note.source_message_id)
        entry(note.source_message_id).notes.push(note);
    }
    return index;
  }, [tasks, notes]);
}
