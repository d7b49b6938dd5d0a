import { infiniteQueryOptions } from "@tanstack/react-query";

import { api, unwrap, type MessagePage } from "@/lib/api/client";

export const MESSAGE_PAGE_SIZE = 100;

export const messageQueries = {
  all: ["messages"] as const,
  /** Pages newest first; each next page is older, fetched by cursor. */
  infinite: (conversationId: number) =>
    infiniteQueryOptions({
      queryKey: [...messageQueries.all, conversationId] as const,
      queryFn: ({ pageParam, signal }) =>
        unwrap(
          api.GET("/api/conversations/{conversation_id}/messages", {
            params: {
              path: { conversation_id: conversationId },
              query: { before: pageParam, limit: MESSAGE_PAGE_SIZE },
            },
            signal,
          }),
        ),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (page: MessagePage) => page.next_cursor ?? undefined,
      staleTime: Infinity,
    }),
};
