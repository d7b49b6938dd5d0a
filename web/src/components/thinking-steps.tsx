"use client";

import { useEffect, useState } from "react";

import type { ThinkingStep } from "@/lib/api/client";

const KIND_MARKS: Record<string, string> = {
  classify: "◆",
  extract: "✦",
  match: "⇄",
  store: "✓",
  answer: "?",
  error: "!",
};

function detailText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function useElapsed(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 100);
    return () => window.clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, now - since);
}

export function ThinkingSteps({
  steps,
  pendingSince = null,
  latencyMs,
  defaultOpen = false,
}: {
  steps: ThinkingStep[];
  /** Set while the reply is on its way: shows a live timer, starts open. */
  pendingSince?: number | null;
  latencyMs?: number | null;
  defaultOpen?: boolean;
}) {
  const pending = pendingSince !== null;
  // Open while the assistant works, so its steps show as they come.
  const [open, setOpen] = useState(defaultOpen || pending);
  const elapsed = useElapsed(pendingSince);
  const summary = pending
    ? `Thinking… ${(elapsed / 1000).toFixed(1)} s`
    : `${steps.length} thinking step${steps.length === 1 ? "" : "s"}${latencyMs != null ? ` · ${Math.round(latencyMs)} ms` : ""}`;

  return (
    <div className="text-xs text-stone-500 dark:text-stone-400">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-1.5 rounded px-1 py-0.5 hover:bg-stone-100 dark:hover:bg-stone-800"
      >
        {pending && (
          <span
            aria-hidden
            className="size-2 animate-pulse rounded-full bg-teal-600"
          />
        )}
        <span aria-hidden>{open ? "▾" : "▸"}</span>
        <span data-testid="thinking-summary">{summary}</span>
      </button>
      {open && steps.length > 0 && (
        <ol className="mt-1 space-y-1 border-l border-stone-200 pl-3 dark:border-stone-700">
          {steps.map((step, index) => (
            <li key={index} data-testid="thinking-step" className="space-y-0.5">
              <span className="font-medium text-stone-700 dark:text-stone-200">
                <span
                  aria-hidden
                  className="mr-1 text-teal-700 dark:text-teal-400"
                >
                  {KIND_MARKS[step.kind] ?? "·"}
                </span>
                {step.label}
              </span>
              {Object.keys(step.detail).length > 0 && (
                <dl className="flex flex-wrap gap-x-3">
                  {Object.entries(step.detail).map(([key, value]) => (
                    <div key={key} className="flex gap-1">
                      <dt>{key}:</dt>
                      <dd className="break-all text-stone-600 dark:text-stone-300">
                        {detailText(value)}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
