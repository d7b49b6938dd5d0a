"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { EmptyState, Skeleton } from "@/components/empty-state";
import { TaskItem } from "@/components/task-item";
import { useZone } from "@/hooks/use-me";
import type { Dashboard, Note, Task } from "@/lib/api/client";
import { shortDate } from "@/lib/dates";
import { dashboardQueries } from "@/lib/queries/dashboard-queries";

const COUNTS: { key: keyof Dashboard["counts"]; label: string }[] = [
  { key: "overdue_tasks", label: "Overdue" },
  { key: "due_today", label: "Due today" },
  { key: "open_tasks", label: "Open tasks" },
  { key: "done_tasks", label: "Done" },
  { key: "notes", label: "Notes" },
  { key: "conversations", label: "Conversations" },
];

export function DashboardScreen() {
  const { data, isPending, isError } = useQuery(dashboardQueries.current());
  if (isPending) return <Skeleton rows={6} />;
  if (isError) return <EmptyState title="The dashboard could not be loaded." />;

  return (
    <div className="min-h-0 flex-1 overflow-y-auto bg-stone-50 dark:bg-stone-950">
      <div className="mx-auto max-w-5xl space-y-6 p-6">
        <h1 className="text-lg font-semibold text-stone-900 dark:text-stone-50">
          Dashboard
        </h1>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {COUNTS.map(({ key, label }) => (
            <div
              key={key}
              data-testid={`count-${key}`}
              className={`rounded-xl border bg-white p-3 dark:bg-stone-900 ${key === "overdue_tasks" && data.counts[key] > 0 ? "border-red-300 dark:border-red-800" : "border-stone-200 dark:border-stone-800"}`}
            >
              <dt className="text-xs text-stone-500 dark:text-stone-400">
                {label}
              </dt>
              <dd className="text-2xl font-semibold text-stone-900 tabular-nums dark:text-stone-50">
                {data.counts[key]}
              </dd>
            </div>
          ))}
        </dl>
        <div className="grid gap-4 md:grid-cols-2">
          <TaskPanel
            title="Overdue"
            tasks={data.overdue}
            empty="Nothing overdue."
          />
          <TaskPanel
            title="Due today"
            tasks={data.due_today}
            empty="Nothing due today."
          />
          <TaskPanel
            title="Next 7 days"
            tasks={data.next_7_days}
            empty="A clear week ahead."
          />
          <NotePanel notes={data.recent_notes} />
        </div>
      </div>
    </div>
  );
}

function Panel({
  title,
  children,
}: {
  title: string;
  children: React.ReactNode;
}) {
  const id = `panel-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section
      aria-labelledby={id}
      data-testid={id}
      className="rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2
        id={id}
        className="px-2 pb-1 text-sm font-semibold text-stone-700 dark:text-stone-200"
      >
        {title}
      </h2>
      {children}
    </section>
  );
}

function TaskPanel({
  title,
  tasks,
  empty,
}: {
  title: string;
  tasks: Task[];
  empty: string;
}) {
  return (
    <Panel title={title}>
      {tasks.length ? (
        <ul>
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} />
          ))}
        </ul>
      ) : (
        <EmptyState title={empty} />
      )}
    </Panel>
  );
}

function NotePanel({ notes }: { notes: Note[] }) {
  const zone = useZone();
  return (
    <Panel title="Recent notes">
      {notes.length ? (
        <ul>
          {notes.map((note) => (
            <li key={note.id}>
              <Link
                href={`/?note=${note.id}`}
                className="flex items-baseline gap-2 rounded-md px-2 py-2 text-sm hover:bg-stone-100 dark:hover:bg-stone-800"
              >
                <span className="min-w-0 flex-1 truncate text-stone-800 dark:text-stone-100">
                  {note.title}
                </span>
                <span className="text-xs text-stone-500 dark:text-stone-400">
                  {shortDate(note.updated_at, zone)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No notes yet." />
      )}
    </Panel>
  );
}
