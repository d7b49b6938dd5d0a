import { queryOptions } from "@tanstack/react-query";

import type { Exchange } from "@/lib/api/client";

/** What a reply did (thinking steps, created notes and tasks), keyed by the
 * reply's id. Only the send response carries it, so it is cached from there;
 * replies loaded from history have none and resolve to null. */
export const exchangeQueries = {
  all: ["exchanges"] as const,
  byReply: (replyId: number) =>
    queryOptions<Exchange | null>({
      queryKey: [...exchangeQueries.all, replyId] as const,
      queryFn: () => null,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};
