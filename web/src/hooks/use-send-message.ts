import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, type Exchange } from "@/lib/api/client";
import { insertMessage } from "@/lib/live-events";
import { clearThinking } from "@/lib/live-thinking";
import { conversationQueries } from "@/lib/queries/conversation-queries";
import { exchangeQueries } from "@/lib/queries/exchange-queries";
import { messageQueries } from "@/lib/queries/message-queries";

type Variables = { conversationId: number | null; content: string };

export type Sent = { conversationId: number; exchange: Exchange };

const TITLE_CHARS = 60;

function titleFor(content: string): string {
  const line = content.trim().split("\n")[0] ?? "";
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS)}…` : line;
}

async function startConversation(content: string): Promise<number> {
  const conversation = await unwrap(
    api.POST("/api/conversations", { body: { title: titleFor(content) } }),
  );
  return conversation.id;
}

async function send({ conversationId, content }: Variables): Promise<Sent> {
  const id = conversationId ?? (await startConversation(content));
  const exchange = await unwrap(
    api.POST("/api/conversations/{conversation_id}/message", {
      params: { path: { conversation_id: id } },
      body: { content },
    }),
  );
  return { conversationId: id, exchange };
}

/** Sends a message (starting a conversation first if there is none) and puts
 * the exchange into the cache, whether or not the socket got there first. */
export function useSendMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (
      { conversationId, exchange },
      { conversationId: was },
    ) => {
      const key = messageQueries.infinite(conversationId).queryKey;
      // A page fetched while the reply was being made would overwrite it.
      await client.cancelQueries({ queryKey: key });
      if (was === null) {
        client.setQueryData(key, {
          pages: [{ items: [], next_cursor: null }],
          pageParams: [undefined],
        });
      }
      if (client.getQueryData(key)) {
        client.setQueryData(key, (data) =>
          insertMessage(
            insertMessage(data, exchange.user_message),
            exchange.assistant_message,
          ),
        );
      } else {
        void client.invalidateQueries({ queryKey: key });
      }
      client.setQueryData(
        exchangeQueries.byReply(exchange.assistant_message.id).queryKey,
        exchange,
      );
      clearThinking(client, conversationId, exchange.assistant_message.id);
      void client.invalidateQueries({ queryKey: conversationQueries.all });
    },
  });
}
