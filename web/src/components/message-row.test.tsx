import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { Message } from "@/lib/api/client";
import { renderWithClient } from "@/test/render";

import { MessageRow } from "./message-row";

const REPLY: Message = {
  id: 8,
  conversation_id: 2,
  role: "assistant",
  content: "Due this week:\n- [Call **Ana**](/tasks/3)",
  intent: "question",
  status: "ok",
  latency_ms: 12,
  provider: "local",
  model: null,
  created_at: "2026-12-04T10:00:00Z",
  thinking: [
    { kind: "classify", label: "Intent: question", detail: {} },
    { kind: "answer", label: "Found 1 task", detail: {} },
  ],
};

describe("MessageRow", () => {
  it("shows a reply from history with its stored steps, collapsed", async () => {
    renderWithClient(<MessageRow message={REPLY} created={undefined} />);

    const toggle = screen.getByRole("button", { name: /2 thinking steps/ });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");

    await userEvent.click(toggle);

    expect(screen.getAllByTestId("thinking-step")).toHaveLength(2);
  });

  it("renders the reply's Markdown", () => {
    renderWithClient(<MessageRow message={REPLY} created={undefined} />);

    const link = screen.getByRole("link", { name: "Call Ana" });
    expect(link.getAttribute("href")).toBe("/?task=3");
    expect(link.querySelector("strong")?.textContent).toBe("Ana");
  });

  it("shows no steps for a reply that has none yet", () => {
    renderWithClient(
      <MessageRow message={{ ...REPLY, thinking: [] }} created={undefined} />,
    );

    expect(screen.queryByTestId("thinking-summary")).toBeNull();
  });
});
