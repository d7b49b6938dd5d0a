import { queryOptions } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";

export const conversationQueries = {
  all: ["conversations"] as const,
  list: () =>
    queryOptions({
      queryKey: [...conversationQueries.all, "list"] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.GET("/api/conversations", {
            params: { query: { limit: 200 } },
            signal,
          }),
        ),
    }),
};
