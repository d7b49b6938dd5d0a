import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { ThinkingSteps } from "./thinking-steps";

const STEPS = [
  { kind: "classify", label: "Intent: task", detail: { reason: "a reminder" } },
  { kind: "store", label: "Created task #1", detail: { id: 1 } },
];

describe("ThinkingSteps", () => {
  it("summarises the steps and the time, collapsed until opened", async () => {
    render(<ThinkingSteps steps={STEPS} latencyMs={41.6} />);
    const toggle = screen.getByRole("button", { name: /2 thinking steps/ });

    expect(toggle.textContent).toBe("▸2 thinking steps · 42 ms");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText("Intent: task")).toBeNull();

    await userEvent.click(toggle);

    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getAllByTestId("thinking-step")).toHaveLength(2);
    expect(screen.getByText("a reminder")).toBeTruthy();
  });

  it("collapses an open list again", async () => {
    render(<ThinkingSteps steps={STEPS} defaultOpen />);

    await userEvent.click(screen.getByRole("button"));

    expect(screen.queryAllByTestId("thinking-step")).toHaveLength(0);
  });

  it("shows a live timer and the steps so far while the reply is on its way, and can be collapsed", async () => {
    render(<ThinkingSteps steps={STEPS} pendingSince={Date.now() - 1500} />);

    const toggle = screen.getByRole("button");
    expect(toggle.textContent).toMatch(/Thinking… 1\.\d s/);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getAllByTestId("thinking-step")).toHaveLength(2);

    await userEvent.click(toggle);

    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryAllByTestId("thinking-step")).toHaveLength(0);
  });
});
