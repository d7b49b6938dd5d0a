import { act } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { Exchange, Message } from "@/lib/api/client";
import { applyLiveEvent } from "@/lib/live-events";
import { liveThinkingQuery, stepsFor } from "@/lib/live-thinking";
import { json, respond } from "@/test/fetch-mock";
import { renderWithClient } from "@/test/render";

import { useSendMessage, type Sent } from "./use-send-message";

function message(id: number, role: string): Message {
  return {
    id,
    conversation_id: 5,
    role,
    content: role,
    intent: null,
    status: "ok",
    latency_ms: null,
    provider: null,
    model: null,
    created_at: "2026-12-04T10:00:00Z",
    thinking: [],
  };
}

const EXCHANGE: Exchange = {
  user_message: message(30, "user"),
  assistant_message: message(31, "assistant"),
  thinking: [{ kind: "classify", label: "Intent: note", detail: {} }],
  notes: [],
  tasks: [],
  sources: [],
};

describe("useSendMessage", () => {
  it("lets the stored reply take over from the live steps", async () => {
    respond(() => json(EXCHANGE));
    let send: (content: string) => Promise<Sent> = async () => {
      throw new Error("not rendered");
    };
    function Sender() {
      const mutation = useSendMessage();
      send = (content) => mutation.mutateAsync({ conversationId: 5, content });
      return null;
    }
    const { client } = renderWithClient(<Sender />);
    await applyLiveEvent(client, {
      type: "thinking.step",
      data: {
        message_id: 30,
        conversation_id: 5,
        index: 0,
        kind: "classify",
        label: "Intent: note",
      },
    });
    const live = () => client.getQueryData(liveThinkingQuery.queryKey) ?? [];
    expect(stepsFor(live(), 5, 29)).toHaveLength(1);

    await act(() => send("note: hi"));

    expect(live()).toEqual([]);
  });
});
