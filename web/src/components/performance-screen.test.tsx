import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { Performance } from "@/lib/api/client";
import { json, respond } from "@/test/fetch-mock";
import { renderWithClient } from "@/test/render";

import { PerformanceScreen } from "./performance-screen";

const latency = (p95: number) => ({ p50: p95 / 2, p95, p99: p95 * 2 });

const REPORT: Performance = {
  window_seconds: 300,
  bucket_seconds: 5,
  covered_seconds: 300,
  requests: 60,
  errors: 1,
  error_rate: 1 / 60,
  throughput: 0.2,
  latency_ms: latency(20),
  routes: [
    {
      method: "GET",
      route: "/api/notes",
      requests: 50,
      errors: 0,
      error_rate: 0,
      throughput: 0.17,
      latency_ms: latency(10),
    },
    {
      method: "POST",
      route: "/api/conversations/{conversation_id}/message",
      requests: 10,
      errors: 1,
      error_rate: 0.1,
      throughput: 0.03,
      latency_ms: latency(90),
    },
  ],
  engines: [
    {
      engine: "local",
      model: "",
      outcome: "ok",
      calls: 10,
      latency_ms: latency(3),
    },
  ],
  queries: [{ operation: "SELECT", queries: 120, latency_ms: latency(1) }],
  series: [
    { start: 1000, requests: 50, errors: 0, throughput: 10, p95_ms: 12 },
    { start: 1005, requests: 10, errors: 1, throughput: 2, p95_ms: 90 },
  ],
};

function serve(operator: boolean) {
  respond((request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/admin/access") return json({ performance: operator });
    if (path === "/api/admin/performance") return json(REPORT);
    return json({}, 404);
  });
}

describe("PerformanceScreen", () => {
  it("shows the figures, the charts and the routes in the chosen order", async () => {
    serve(true);
    renderWithClient(<PerformanceScreen />);

    const rows = await screen.findAllByTestId("route-row");
    expect(rows.map((row) => row.querySelector("th")?.textContent)).toEqual([
      "GET/api/notes",
      "POST/api/conversations/{conversation_id}/message",
    ]);
    expect(screen.getByTestId("figure-p95").textContent).toBe("p9520.0 ms");
    expect(screen.getByTestId("figure-Error rate").textContent).toContain(
      "1.7 %",
    );
    expect(
      screen.getByRole("img", {
        name: /Latency p95: latest 90\.0 ms, peak 90\.0 ms/,
      }),
    ).toBeTruthy();
    expect(screen.getByTestId("engine-stats-row").textContent).toContain(
      "local",
    );

    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "Order" }),
      "p95",
    );

    const slowest = screen.getAllByTestId("route-row")[0]!;
    expect(within(slowest).getByText(/message$/)).toBeTruthy();
  });

  it("tells anyone else the page is for operators, without asking for the report", async () => {
    const asked: string[] = [];
    respond((request) => {
      asked.push(new URL(request.url).pathname);
      return json({ performance: false });
    });
    renderWithClient(<PerformanceScreen />);

    expect(await screen.findByText(/Only the server's operators/)).toBeTruthy();
    expect(asked).toEqual(["/api/admin/access"]);
  });
});
