import { queryOptions } from "@tanstack/react-query";

import { api, unwrap, type Schemas } from "@/lib/api/client";

type TaskStatus = Schemas["TaskRead"]["status"];

export type TaskFilters = {
  status?: TaskStatus[];
  overdue?: boolean;
  q?: string;
  tag?: string;
  category_id?: number;
};

export const TASK_PAGE_SIZE = 200;

export const taskQueries = {
  all: ["tasks"] as const,
  lists: () => [...taskQueries.all, "list"] as const,
  list: (filters: TaskFilters) =>
    queryOptions({
      queryKey: [...taskQueries.lists(), filters] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.GET("/api/tasks", {
            params: { query: { ...filters, limit: TASK_PAGE_SIZE } },
            signal,
          }),
        ),
    }),
};
