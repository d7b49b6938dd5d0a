import { describe, expect, it } from "vitest";

import type { Message } from "@/lib/api/client";

import { buildRows } from "./message-list";

function message(id: number, role: string, content = role): Message {
  return {
    id,
    conversation_id: 1,
    role,
    content,
    intent: null,
    status: "ok",
    latency_ms: null,
    provider: null,
    model: null,
    created_at: "2026-12-04T10:00:00Z",
  };
}

const PENDING = { content: "buy milk", since: 0, afterId: 2 };
const EARLIER = [message(1, "user", "buy milk"), message(2, "assistant")];

function keys(messages: Message[]) {
  return buildRows(messages, PENDING).map((row) =>
    "pending" in row ? `pending:${row.showText}` : row.key,
  );
}

describe("buildRows", () => {
  it("shows the message on its way, text and all, after the earlier ones", () => {
    expect(keys(EARLIER)).toEqual(["m1", "m2", "pending:true"]);
  });

  it("drops the text once the stored message is in, still waiting", () => {
    expect(keys([...EARLIER, message(3, "user", "buy milk")])).toEqual([
      "m1",
      "m2",
      "m3",
      "pending:false",
    ]);
  });

  it("lets the stored reply replace the pending one", () => {
    const answered = [
      ...EARLIER,
      message(3, "user", "buy milk"),
      message(4, "assistant"),
    ];

    expect(keys(answered)).toEqual(["m1", "m2", "m3", "m4"]);
  });
});
