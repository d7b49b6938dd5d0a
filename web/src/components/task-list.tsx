"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";

import { EmptyState, Skeleton } from "@/components/empty-state";
import { TaskItem } from "@/components/task-item";
import { useCategoryNames } from "@/hooks/use-categories";
import { taskQueries, type TaskFilters } from "@/lib/queries/task-queries";

export type TaskView = "open" | "overdue" | "done" | "all";

const VIEWS: { value: TaskView; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "overdue", label: "Overdue" },
  { value: "done", label: "Done" },
  { value: "all", label: "All" },
];

export function filtersFor(
  view: TaskView,
  text: string,
  categoryId: number | null,
): TaskFilters {
  const filters: TaskFilters = {};
  if (view === "open") filters.status = ["todo", "in_progress", "blocked"];
  if (view === "done") filters.status = ["done"];
  if (view === "overdue") filters.overdue = true;
  const words = text.trim();
  if (words.startsWith("#")) filters.tag = words.slice(1);
  else if (words) filters.q = words;
  if (categoryId) filters.category_id = categoryId;
  return filters;
}

export function TaskList() {
  const [view, setView] = useState<TaskView>("open");
  const [text, setText] = useState("");
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const deferredText = useDeferredValue(text);
  const categories = useCategoryNames();
  const filters = useMemo(
    () => filtersFor(view, deferredText, categoryId),
    [view, deferredText, categoryId],
  );
  const { data, isPending, isError } = useQuery(taskQueries.list(filters));

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="space-y-2 border-b border-stone-200 p-3 dark:border-stone-800">
        <div
          role="radiogroup"
          aria-label="Show tasks"
          className="flex gap-1 text-xs"
        >
          {VIEWS.map((option) => (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={view === option.value}
              onClick={() => setView(option.value)}
              className={`rounded-full px-2.5 py-1 font-medium ${view === option.value ? "bg-stone-800 text-white dark:bg-stone-200 dark:text-stone-900" : "text-stone-600 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800"}`}
            >
              {option.label}
            </button>
          ))}
        </div>
        <div className="flex gap-2">
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Filter, or #tag"
            aria-label="Filter tasks"
            className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900"
          />
          {categories.size > 0 && (
            <select
              value={categoryId ?? ""}
              onChange={(event) =>
                setCategoryId(Number(event.target.value) || null)
              }
              aria-label="Category"
              className="rounded border border-stone-300 bg-white px-1 text-sm dark:border-stone-700 dark:bg-stone-900"
            >
              <option value="">All categories</option>
              {[...categories].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-1">
        {isPending ? (
          <Skeleton rows={4} />
        ) : isError ? (
          <EmptyState title="Tasks could not be loaded." />
        ) : data.items.length === 0 ? (
          <EmptyState
            title={view === "done" ? "Nothing done yet." : "No tasks here."}
            hint='Try "remind me to call Ana tomorrow at 3pm".'
          />
        ) : (
          <ul aria-label="Tasks">
            {data.items.map((task) => (
              <TaskItem
                key={task.id}
                task={task}
                category={
                  task.category_id ? categories.get(task.category_id) : null
                }
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
