import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { categoryQueries } from "@/lib/queries/category-queries";

/** Category names by id, for labelling notes and tasks. */
export function useCategoryNames(): Map<number, string> {
  const { data } = useQuery(categoryQueries.list());
  return useMemo(
    () => new Map((data ?? []).map((c) => [c.id, c.name] as const)),
    [data],
  );
}
