"use client";

import { useQuery } from "@tanstack/react-query";

import type { EngineInfo } from "@/lib/api/client";
import { engineQueries } from "@/lib/queries/engine-queries";

const STATE_TEXT: Record<EngineInfo["state"], string> = {
  up: "up",
  degraded: "failing lately",
  circuit_open: "paused after failures",
};

const STATE_TONE: Record<EngineInfo["state"], string> = {
  up: "bg-teal-500",
  degraded: "bg-amber-400",
  circuit_open: "bg-red-500",
};

/** "small: qwen3:4b, large: qwen3:14b", or one name when both are the same. */
export function modelsText(models: Record<string, string>): string {
  const names = new Set(Object.values(models));
  if (names.size <= 1) return [...names].join("");
  return Object.entries(models)
    .map(([size, model]) => `${size}: ${model}`)
    .join(", ");
}

function EngineRow({ engine, first }: { engine: EngineInfo; first: boolean }) {
  const name = engine.builtin ? "Built-in (local, offline)" : engine.name;
  const models = modelsText(engine.models);
  return (
    <li
      data-testid="engine-row"
      className="flex flex-wrap items-center gap-x-2"
    >
      <span className="font-medium text-stone-800 dark:text-stone-100">
        {name}
      </span>
      {models && (
        <span className="text-stone-600 dark:text-stone-300">{models}</span>
      )}
      <span className="flex items-center gap-1 text-xs text-stone-600 dark:text-stone-300">
        <span
          aria-hidden
          className={`size-2 rounded-full ${STATE_TONE[engine.state]}`}
        />
        {STATE_TEXT[engine.state]}
      </span>
      {first && (
        <span className="rounded bg-teal-50 px-1.5 text-xs text-teal-800 dark:bg-teal-950 dark:text-teal-200">
          tried first
        </span>
      )}
    </li>
  );
}

/** Which understanding engines answer, in the order they are tried. */
export function EngineSection() {
  const { data, isError, refetch } = useQuery(engineQueries.chain());
  return (
    <section className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
      <h2 className="font-medium text-stone-700 dark:text-stone-200">
        Understanding engine
      </h2>
      {data ? (
        <ol data-testid="engine" className="list-decimal space-y-1 pl-5">
          {data.engines.map((engine, index) => (
            <EngineRow key={engine.name} engine={engine} first={index === 0} />
          ))}
        </ol>
      ) : isError ? (
        <p className="text-stone-600 dark:text-stone-300">
          Couldn&apos;t load the engines.{" "}
          <button
            type="button"
            onClick={() => void refetch()}
            className="underline"
          >
            Retry
          </button>
        </p>
      ) : (
        <p className="text-stone-500 dark:text-stone-400">Checking…</p>
      )}
      {data && data.engines.length > 1 && (
        <p className="text-xs text-stone-500 dark:text-stone-400">
          Each message goes to the first engine that is up; the built-in engine
          answers when none is.
        </p>
      )}
    </section>
  );
}
