import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { json, respond } from "@/test/fetch-mock";
import { renderWithClient } from "@/test/render";

import { EngineSection, modelsText } from "./engine-section";

describe("modelsText", () => {
  it("names each size's model, or the one model used for both", () => {
    expect(modelsText({ small: "qwen3:4b", large: "qwen3:14b" })).toBe(
      "small: qwen3:4b, large: qwen3:14b",
    );
    expect(modelsText({ small: "gpt-x", large: "gpt-x" })).toBe("gpt-x");
    expect(modelsText({})).toBe("");
  });
});

describe("EngineSection", () => {
  it("lists the engines in the order they are tried, with their state", async () => {
    respond(() =>
      json({
        engines: [
          {
            name: "ollama",
            builtin: false,
            models: { small: "qwen3:4b", large: "qwen3:14b" },
            state: "circuit_open",
          },
          { name: "local", builtin: true, models: {}, state: "up" },
        ],
      }),
    );
    renderWithClient(<EngineSection />);

    const rows = await screen.findAllByTestId("engine-row");
    expect(rows.map((row) => row.textContent)).toEqual([
      "ollamasmall: qwen3:4b, large: qwen3:14bpaused after failurestried first",
      "Built-in (local, offline)up",
    ]);
  });
});
