"use client";

import { NoteList } from "@/components/note-list";
import { TaskList } from "@/components/task-list";
import { useSidebar, type SidebarTab } from "@/hooks/use-sidebar";

const TABS: { value: SidebarTab; label: string }[] = [
  { value: "tasks", label: "Tasks" },
  { value: "notes", label: "Notes" },
];

export function Sidebar() {
  const sidebar = useSidebar();
  if (!sidebar) return null;
  const { tab, setTab } = sidebar;

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    setTab(tab === "tasks" ? "notes" : "tasks");
  };

  return (
    <aside
      aria-label="Tasks and notes"
      className="flex min-h-0 flex-1 flex-col border-l border-stone-200 bg-stone-50 dark:border-stone-800 dark:bg-stone-900/40"
    >
      <div
        role="tablist"
        aria-label="Sidebar"
        onKeyDown={onKeyDown}
        className="flex border-b border-stone-200 dark:border-stone-800"
      >
        {TABS.map((option) => (
          <button
            key={option.value}
            id={`tab-${option.value}`}
            type="button"
            role="tab"
            aria-selected={tab === option.value}
            aria-controls={`panel-${option.value}`}
            tabIndex={tab === option.value ? 0 : -1}
            onClick={() => setTab(option.value)}
            className={`flex-1 px-3 py-2.5 text-sm font-medium ${tab === option.value ? "border-b-2 border-teal-700 text-stone-900 dark:border-teal-400 dark:text-stone-50" : "text-stone-500 hover:text-stone-800 dark:text-stone-400 dark:hover:text-stone-100"}`}
          >
            {option.label}
          </button>
        ))}
      </div>
      <div
        id={`panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        className="flex min-h-0 flex-1 flex-col"
      >
        {tab === "tasks" ? <TaskList /> : <NoteList />}
      </div>
    </aside>
  );
}
