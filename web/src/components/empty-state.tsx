export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="flex flex-col items-center gap-1 px-6 py-10 text-center">
      <p className="text-sm font-medium text-stone-700 dark:text-stone-200">
        {title}
      </p>
      {hint && (
        <p className="text-sm text-stone-500 dark:text-stone-400">{hint}</p>
      )}
    </div>
  );
}

export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-2 p-3">
      {Array.from({ length: rows }, (_, i) => (
        <div
          key={i}
          className="h-10 animate-pulse rounded-md bg-stone-200/70 dark:bg-stone-800"
        />
      ))}
    </div>
  );
}
