"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { ThinkingSteps } from "@/components/thinking-steps";
import { liveThinkingQuery, stepsFor } from "@/lib/live-thinking";

/** A message on its way: its text, when it was sent, and the id of the
 * newest message known then (the new one's id will be greater). */
export type Pending = { content: string; since: number; afterId: number };

/** The assistant at work on a message: a timer and the steps the server
 * reports as it takes them, until the stored reply replaces it. */
export function PendingReply({
  pending,
  conversationId,
}: {
  pending: Pending;
  conversationId: number | null;
}) {
  const { data: live } = useQuery(liveThinkingQuery);
  const steps = useMemo(
    () => stepsFor(live, conversationId, pending.afterId),
    [live, conversationId, pending.afterId],
  );
  return (
    <div data-testid="pending-reply">
      <ThinkingSteps steps={steps} pendingSince={pending.since} />
    </div>
  );
}
