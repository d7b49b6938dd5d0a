import { queryOptions } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";

export const engineQueries = {
  all: ["engine"] as const,
  /** The engines in the order a message tries them, with each one's state. */
  chain: () =>
    queryOptions({
      queryKey: engineQueries.all,
      queryFn: ({ signal }) => unwrap(api.GET("/api/engine", { signal })),
      // A provider's circuit opens and closes on its own: look again now and then.
      refetchInterval: 15_000,
    }),
};
