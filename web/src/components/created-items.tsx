"use client";

import { DueBadge } from "@/components/due-badge";
import { useSidebar } from "@/hooks/use-sidebar";
import type { Note, Task } from "@/lib/api/client";

/** Cards for what a reply created or changed; each opens its item. */
export function CreatedItems({
  notes,
  tasks,
}: {
  notes: Note[];
  tasks: Task[];
}) {
  const sidebar = useSidebar();
  if (!notes.length && !tasks.length) return null;
  return (
    <ul className="mt-2 grid gap-2 sm:grid-cols-2" aria-label="Created items">
      {tasks.map((task) => (
        <li key={`task-${task.id}`}>
          <button
            type="button"
            data-testid="created-task"
            onClick={() => sidebar?.focus({ kind: "task", id: task.id })}
            className="flex w-full flex-col items-start gap-1 rounded-lg border border-stone-200 bg-white p-2.5 text-left hover:border-teal-400 dark:border-stone-700 dark:bg-stone-900 dark:hover:border-teal-600"
          >
            <span className="text-[11px] font-semibold tracking-wide text-teal-700 uppercase dark:text-teal-400">
              Task
            </span>
            <span className="text-sm text-stone-800 dark:text-stone-100">
              {task.title}
            </span>
            <DueBadge task={task} />
          </button>
        </li>
      ))}
      {notes.map((note) => (
        <li key={`note-${note.id}`}>
          <button
            type="button"
            data-testid="created-note"
            onClick={() => sidebar?.focus({ kind: "note", id: note.id })}
            className="flex w-full flex-col items-start gap-1 rounded-lg border border-stone-200 bg-white p-2.5 text-left hover:border-indigo-400 dark:border-stone-700 dark:bg-stone-900 dark:hover:border-indigo-600"
          >
            <span className="text-[11px] font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
              Note
            </span>
            <span className="text-sm text-stone-800 dark:text-stone-100">
              {note.title}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
