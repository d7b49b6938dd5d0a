import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { applyLiveEvent } from "@/lib/live-events";
import { renderWithClient } from "@/test/render";

import { PendingReply } from "./pending-reply";

function step(index: number, label: string, message_id = 12) {
  return {
    type: "thinking.step" as const,
    data: { message_id, conversation_id: 3, index, kind: "classify", label },
  };
}

describe("PendingReply", () => {
  it("shows each step the socket reports for the message on its way", async () => {
    const pending = { content: "hi", since: Date.now(), afterId: 10 };
    const { client } = renderWithClient(
      <PendingReply pending={pending} conversationId={3} />,
    );
    expect(screen.queryAllByTestId("thinking-step")).toHaveLength(0);

    await act(() => applyLiveEvent(client, step(0, "Intent: task")));
    await act(() => applyLiveEvent(client, step(1, "Due tomorrow 15:00")));

    // The query cache tells its observers on the next tick.
    await waitFor(() =>
      expect(
        screen.getAllByTestId("thinking-step").map((item) => item.textContent),
      ).toEqual(["◆Intent: task", "◆Due tomorrow 15:00"]),
    );
  });

  it("ignores steps of an earlier message and of other conversations", async () => {
    const pending = { content: "hi", since: Date.now(), afterId: 10 };
    const { client } = renderWithClient(
      <PendingReply pending={pending} conversationId={3} />,
    );

    await act(() => applyLiveEvent(client, step(0, "old", 9)));
    // Give the cache its tick to tell observers: nothing of message 9 shows.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryAllByTestId("thinking-step")).toHaveLength(0);
    // A newer message, but in another conversation.
    const elsewhere = step(0, "elsewhere", 13);
    await act(() =>
      applyLiveEvent(client, {
        ...elsewhere,
        data: { ...elsewhere.data, conversation_id: 4 },
      }),
    );

    await act(() => applyLiveEvent(client, step(0, "this one")));

    await screen.findByText("this one");
    expect(screen.queryByText("old")).toBeNull();
    expect(screen.queryByText("elsewhere")).toBeNull();
  });
});
