import { queryOptions } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";

export const categoryQueries = {
  all: ["categories"] as const,
  list: () =>
    queryOptions({
      queryKey: categoryQueries.all,
      queryFn: ({ signal }) => unwrap(api.GET("/api/categories", { signal })),
      staleTime: 5 * 60_000,
    }),
};
