import { queryOptions } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";

export type NoteFilters = {
  q?: string;
  tag?: string;
  category_id?: number;
  archived?: boolean;
};

export const NOTE_PAGE_SIZE = 100;

export const noteQueries = {
  all: ["notes"] as const,
  lists: () => [...noteQueries.all, "list"] as const,
  list: (filters: NoteFilters) =>
    queryOptions({
      queryKey: [...noteQueries.lists(), filters] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.GET("/api/notes", {
            params: { query: { ...filters, limit: NOTE_PAGE_SIZE } },
            signal,
          }),
        ),
    }),
};
