export function TagList({
  tags,
  category,
}: {
  tags: string[];
  category?: string | null;
}) {
  if (!tags.length && !category) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Category and tags">
      {category && (
        <li className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
          {category}
        </li>
      )}
      {tags.map((tag) => (
        <li
          key={tag}
          className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300"
        >
          #{tag}
        </li>
      ))}
    </ul>
  );
}
