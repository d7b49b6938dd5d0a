import { queryOptions } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";

export const adminQueries = {
  all: ["admin"] as const,
  /** Which operator pages this user may open. */
  access: () =>
    queryOptions({
      queryKey: [...adminQueries.all, "access"] as const,
      queryFn: ({ signal }) => unwrap(api.GET("/api/admin/access", { signal })),
      staleTime: Infinity,
    }),
  performance: () =>
    queryOptions({
      queryKey: [...adminQueries.all, "performance"] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET("/api/admin/performance", { signal })),
      refetchInterval: 5_000,
      refetchIntervalInBackground: false,
    }),
};
