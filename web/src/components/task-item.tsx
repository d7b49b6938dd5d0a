"use client";

import {
  useEffect,
  useOptimistic,
  useRef,
  useState,
  useTransition,
} from "react";

import { DueBadge } from "@/components/due-badge";
import { TagList } from "@/components/tag-list";
import { useZone } from "@/hooks/use-me";
import { useSidebar } from "@/hooks/use-sidebar";
import {
  useDeleteTask,
  useUpdateTask,
  type TaskPatch,
} from "@/hooks/use-task-mutations";
import type { Task } from "@/lib/api/client";
import { toLocalInput, zonedToUtc } from "@/lib/dates";

const PRIORITY_LABELS: Record<number, string> = {
  1: "Urgent",
  2: "High",
  3: "Medium",
};

export function TaskItem({
  task,
  category,
}: {
  task: Task;
  category?: string | null;
}) {
  const update = useUpdateTask();
  const [editing, setEditing] = useState(false);
  const sidebar = useSidebar();
  const focused =
    sidebar?.focused?.kind === "task" && sidebar.focused.id === task.id;
  const ref = useRef<HTMLLIElement>(null);
  const done = task.status === "done";

  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: "nearest" });
  }, [focused]);

  const save = (patch: TaskPatch) => update.mutate({ id: task.id, patch });
  // The box follows the click in the same frame; the cache catches up.
  const [, startTransition] = useTransition();
  const [shownDone, setShownDone] = useOptimistic(done);
  const toggle = () =>
    startTransition(async () => {
      setShownDone(!done);
      const patch: TaskPatch = { status: done ? "todo" : "done" };
      // Failures are shown (and rolled back) by the mutation itself.
      await update.mutateAsync({ id: task.id, patch }).catch(() => {});
    });

  return (
    <li
      ref={ref}
      data-testid="task-item"
      data-task-id={task.id}
      className={`group flex items-start gap-3 rounded-md px-2 py-2 hover:bg-stone-100 dark:hover:bg-stone-800/60 ${focused ? "bg-teal-50 ring-1 ring-teal-300 dark:bg-teal-950/50 dark:ring-teal-800" : ""}`}
    >
      <input
        type="checkbox"
        checked={shownDone}
        onChange={toggle}
        aria-label={`${done ? "Reopen" : "Complete"} “${task.title}”`}
        className="mt-0.5 size-4 shrink-0 cursor-pointer accent-teal-700"
      />
      {editing ? (
        <TaskEditor
          task={task}
          onSave={(patch) => {
            save(patch);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <TaskSummary
          task={task}
          category={category}
          onEdit={() => setEditing(true)}
        />
      )}
    </li>
  );
}

function TaskSummary({
  task,
  category,
  onEdit,
}: {
  task: Task;
  category?: string | null;
  onEdit: () => void;
}) {
  const remove = useDeleteTask();
  const done = task.status === "done";
  const priority = PRIORITY_LABELS[task.priority];
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <div className="flex items-start gap-2">
        <button
          type="button"
          onClick={onEdit}
          title="Edit"
          className={`min-w-0 flex-1 text-left text-sm break-words ${done ? "text-stone-400 line-through dark:text-stone-500" : "text-stone-800 dark:text-stone-100"}`}
        >
          {task.title}
        </button>
        <button
          type="button"
          onClick={() => remove.mutate(task.id)}
          aria-label={`Delete “${task.title}”`}
          className="text-xs text-stone-400 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 hover:text-red-700 focus:opacity-100"
        >
          Delete
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <DueBadge task={task} />
        {priority && !done && (
          <span className="text-xs font-medium text-orange-700 dark:text-orange-300">
            {priority}
          </span>
        )}
        <TagList tags={task.tags} category={category} />
      </div>
    </div>
  );
}

function TaskEditor({
  task,
  onSave,
  onCancel,
}: {
  task: Task;
  onSave: (patch: TaskPatch) => void;
  onCancel: () => void;
}) {
  const { timeZone } = useZone();
  const [title, setTitle] = useState(task.title);
  const [due, setDue] = useState(
    task.due_at ? toLocalInput(task.due_at, timeZone) : "",
  );
  const [priority, setPriority] = useState(task.priority);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return;
    onSave({
      title: trimmed,
      priority,
      due_at: due ? zonedToUtc(due, timeZone).toISOString() : null,
      due_has_time: due ? true : task.due_has_time,
    });
  };

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
      className="min-w-0 flex-1 space-y-2"
    >
      <input
        autoFocus
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        aria-label="Task title"
        className="w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-900"
      />
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="datetime-local"
          value={due}
          onChange={(event) => setDue(event.target.value)}
          aria-label="Due date and time"
          className="rounded border border-stone-300 bg-white px-2 py-1 text-xs dark:border-stone-600 dark:bg-stone-900"
        />
        <select
          value={priority}
          onChange={(event) => setPriority(Number(event.target.value))}
          aria-label="Priority"
          className="rounded border border-stone-300 bg-white px-1 py-1 text-xs dark:border-stone-600 dark:bg-stone-900"
        >
          <option value={1}>Urgent</option>
          <option value={2}>High</option>
          <option value={3}>Medium</option>
          <option value={4}>Normal</option>
        </select>
        <button
          type="submit"
          className="rounded bg-teal-700 px-2 py-1 text-xs font-medium text-white hover:bg-teal-800"
        >
          Save
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="px-1 text-xs text-stone-600 hover:underline dark:text-stone-300"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
