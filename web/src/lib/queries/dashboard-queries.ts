import { queryOptions } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";

export const dashboardQueries = {
  all: ["dashboard"] as const,
  current: () =>
    queryOptions({
      queryKey: dashboardQueries.all,
      queryFn: ({ signal }) => unwrap(api.GET("/api/dashboard", { signal })),
    }),
};
