import { queryOptions } from "@tanstack/react-query";

import { api, ApiError, unwrap } from "@/lib/api/client";

export const meQueries = {
  key: ["me"] as const,
  current: () =>
    queryOptions({
      queryKey: meQueries.key,
      queryFn: () => unwrap(api.GET("/api/auth/me")),
      staleTime: 5 * 60_000,
      // Signed out is an answer, not a failure to retry.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status === 401) && count < 2,
    }),
};
