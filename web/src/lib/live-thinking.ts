import { queryOptions, type QueryClient } from "@tanstack/react-query";

import type { ThinkingStep } from "@/lib/api/client";

/** A `thinking.step` event: one step of the work on a user message, sent
 * before its reply exists. */
export type LiveStep = {
  message_id: number;
  conversation_id: number;
  index: number;
  kind: string;
  label: string;
};

/** The steps seen so far for one user message being answered. */
export type LiveThinking = {
  messageId: number;
  conversationId: number;
  steps: ThinkingStep[];
};

// Messages answered at once by one user: a tab or two, rarely more.
const KEPT = 8;

/** Only the socket fills this; a query, so that components re-render. */
export const liveThinkingQuery = queryOptions<LiveThinking[]>({
  queryKey: ["live-thinking"] as const,
  queryFn: () => [],
  initialData: [],
  staleTime: Infinity,
  gcTime: Infinity,
});

/** The steps with this one in its place (by index, so a repeat is harmless). */
export function addStep(all: LiveThinking[], step: LiveStep): LiveThinking[] {
  const shown = { kind: step.kind, label: step.label, detail: {} };
  const current = all.find((entry) => entry.messageId === step.message_id);
  const steps = [...(current?.steps ?? [])];
  steps[step.index] = shown;
  const entry = {
    messageId: step.message_id,
    conversationId: step.conversation_id,
    steps,
  };
  const others = all.filter((other) => other !== current);
  return [...others, entry].slice(-KEPT);
}

/** Forget the steps of a conversation's messages up to a reply: from then
 * on the stored reply shows them. Not on the reply's `message.created` event,
 * which can come before the send's response: the steps stay up until then. */
export function dropAnswered(
  all: LiveThinking[],
  conversationId: number,
  replyId: number,
): LiveThinking[] {
  const kept = all.filter(
    (entry) =>
      entry.conversationId !== conversationId || entry.messageId > replyId,
  );
  return kept.length === all.length ? all : kept;
}

/** The steps for the message this tab is waiting on: the newest one sent
 * after `afterId`, in its conversation (any, while a new one is started). */
export function stepsFor(
  all: LiveThinking[],
  conversationId: number | null,
  afterId: number,
): ThinkingStep[] {
  const candidates = all.filter(
    (entry) =>
      entry.messageId > afterId &&
      (conversationId === null || entry.conversationId === conversationId),
  );
  const newest = candidates.reduce<LiveThinking | null>(
    (best, entry) => (best && best.messageId > entry.messageId ? best : entry),
    null,
  );
  // A step lost on the way leaves a hole; the rest still show.
  return newest ? newest.steps.filter(Boolean) : [];
}

export function applyThinkingStep(client: QueryClient, step: LiveStep) {
  client.setQueryData(liveThinkingQuery.queryKey, (all = []) =>
    addStep(all, step),
  );
}

export function clearThinking(
  client: QueryClient,
  conversationId: number,
  replyId: number,
) {
  client.setQueryData(liveThinkingQuery.queryKey, (all = []) =>
    dropAnswered(all, conversationId, replyId),
  );
}
