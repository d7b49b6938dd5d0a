"use client";

import { useQuery } from "@tanstack/react-query";
import { memo } from "react";

import { CreatedItems } from "@/components/created-items";
import { Markdown } from "@/components/markdown";
import { ThinkingSteps } from "@/components/thinking-steps";
import type { Created } from "@/hooks/use-created-index";
import type { Message } from "@/lib/api/client";
import { exchangeQueries } from "@/lib/queries/exchange-queries";

export function UserBubble({ content }: { content: string }) {
  return (
    <div className="flex justify-end">
      <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-teal-700 px-3.5 py-2 text-sm whitespace-pre-wrap text-white shadow-sm dark:bg-teal-800">
        {content}
      </div>
    </div>
  );
}

function AssistantReply({
  message,
  created,
}: {
  message: Message;
  created: Created | undefined;
}) {
  const { data: exchange } = useQuery(exchangeQueries.byReply(message.id));
  const failed = message.status === "failed";
  // The live message event comes before its steps are stored; the send
  // response and the history carry them.
  const steps = exchange?.thinking ?? message.thinking ?? [];
  return (
    <div className="max-w-[90%] space-y-1.5" data-testid="assistant-message">
      {steps.length > 0 && (
        <ThinkingSteps
          steps={steps}
          latencyMs={message.latency_ms}
          defaultOpen={Boolean(exchange)}
        />
      )}
      <Markdown
        text={message.content}
        className={`text-sm ${failed ? "text-red-700 dark:text-red-300" : "text-stone-800 dark:text-stone-100"}`}
      />
      <CreatedItems
        notes={exchange?.notes ?? created?.notes ?? []}
        tasks={exchange?.tasks ?? created?.tasks ?? []}
      />
    </div>
  );
}

export const MessageRow = memo(function MessageRow({
  message,
  created,
}: {
  message: Message;
  created: Created | undefined;
}) {
  if (message.role === "user") return <UserBubble content={message.content} />;
  return <AssistantReply message={message} created={created} />;
});
