import { dueBadge, type DueInput, type DueTone } from "@/lib/dates";
import { useMe, zoneOf } from "@/hooks/use-me";
import { useNow } from "@/hooks/use-now";

const TONES: Record<DueTone, string> = {
  overdue:
    "bg-red-100 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  today:
    "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  upcoming:
    "bg-teal-50 text-teal-900 ring-teal-200 dark:bg-teal-950 dark:text-teal-200 dark:ring-teal-800",
  later:
    "bg-stone-100 text-stone-700 ring-stone-200 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-700",
  done: "bg-stone-100 text-stone-500 ring-stone-200 line-through dark:bg-stone-800 dark:text-stone-400 dark:ring-stone-700",
};

export function DueBadge({ task }: { task: DueInput }) {
  const { data: user } = useMe();
  const now = useNow();
  // No badge until the user's timezone is known, rather than a wrong one.
  const badge = user ? dueBadge(task, now, zoneOf(user)) : null;
  if (!badge) return null;
  return (
    <span
      title={badge.title}
      data-tone={badge.tone}
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[badge.tone]}`}
    >
      <span className="sr-only">
        {badge.tone === "overdue" ? "Overdue, " : "Due "}
      </span>
      {badge.label}
    </span>
  );
}
