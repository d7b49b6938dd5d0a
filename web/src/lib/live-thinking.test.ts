import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import type { Message } from "@/lib/api/client";

import { applyLiveEvent } from "./live-events";
import {
  addStep,
  dropAnswered,
  liveThinkingQuery,
  stepsFor,
  type LiveStep,
} from "./live-thinking";

function step(index: number, message_id = 20, conversation_id = 5): LiveStep {
  return {
    message_id,
    conversation_id,
    index,
    kind: "extract",
    label: `step ${index}`,
  };
}

function labels(all: ReturnType<typeof addStep>, afterId = 0, cid = 5) {
  return stepsFor(all, cid, afterId).map((shown) => shown.label);
}

describe("live thinking steps", () => {
  it("orders steps by index, whatever order they arrive in, once each", () => {
    let all = addStep([], step(1));
    all = addStep(all, step(0));
    all = addStep(all, step(1));

    expect(labels(all)).toEqual(["step 0", "step 1"]);
  });

  it("shows the newest message after the one the tab last knew", () => {
    let all = addStep([], step(0, 20));
    all = addStep(all, step(0, 22));
    all = addStep(all, { ...step(1, 22), label: "newest" });

    expect(labels(all, 21)).toEqual(["step 0", "newest"]);
    expect(labels(all, 22)).toEqual([]);
  });

  it("takes any conversation while a new one is being started", () => {
    const all = addStep([], step(0, 30, 9));

    expect(stepsFor(all, null, 0)).toHaveLength(1);
    expect(stepsFor(all, 5, 0)).toHaveLength(0);
  });

  it("keeps a bounded number of messages", () => {
    let all: ReturnType<typeof addStep> = [];
    for (let id = 1; id <= 50; id += 1) all = addStep(all, step(0, id));

    expect(all.length).toBeLessThanOrEqual(8);
    expect(labels(all, 49)).toEqual(["step 0"]);
  });

  it("forgets a conversation's steps up to its reply, and only those", () => {
    let all = addStep([], step(0, 20, 5));
    all = addStep(all, step(0, 23, 5));
    all = addStep(all, step(0, 20, 6));

    const kept = dropAnswered(all, 5, 21);

    expect(
      kept.map((entry) => [entry.conversationId, entry.messageId]),
    ).toEqual([
      [5, 23],
      [6, 20],
    ]);
    expect(dropAnswered(kept, 7, 99)).toBe(kept);
  });

  it("fills from socket events and keeps them while the reply is on its way", async () => {
    const client = new QueryClient();
    for (const index of [0, 1])
      await applyLiveEvent(client, {
        type: "thinking.step",
        data: step(index),
      });
    const read = () => client.getQueryData(liveThinkingQuery.queryKey) ?? [];
    expect(labels(read())).toEqual(["step 0", "step 1"]);

    // The reply's event may come before the send's response does.
    const reply = { id: 21, conversation_id: 5, role: "assistant" } as Message;
    await applyLiveEvent(client, { type: "message.created", data: reply });

    expect(labels(read(), 19)).toEqual(["step 0", "step 1"]);
  });
});
