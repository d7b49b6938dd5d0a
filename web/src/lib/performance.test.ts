import { describe, expect, it } from "vitest";

import type { Schemas } from "@/lib/api/client";

import {
  bars,
  fillSeries,
  formatMs,
  formatRate,
  linePath,
  niceMax,
  sortRoutes,
} from "./performance";

type Route = Schemas["RouteStats"];

function route(
  path: string,
  requests: number,
  p95: number | null,
  errorRate = 0,
) {
  return {
    method: "GET",
    route: path,
    requests,
    errors: Math.round(requests * errorRate),
    error_rate: errorRate,
    throughput: requests / 300,
    latency_ms: { p50: p95, p95, p99: p95 },
  } satisfies Route;
}

describe("fillSeries", () => {
  it("gives every bucket of the window a slot, quiet ones at zero", () => {
    const series = [
      { start: 100, requests: 4, errors: 1, throughput: 0.8, p95_ms: 12 },
      { start: 110, requests: 2, errors: 0, throughput: 0.4, p95_ms: 30 },
    ];

    const filled = fillSeries(series, 5, 20);

    expect(filled.map((point) => point.start)).toEqual([95, 100, 105, 110]);
    expect(filled.map((point) => point.requests)).toEqual([0, 4, 0, 2]);
    expect(filled.map((point) => point.p95_ms)).toEqual([null, 12, null, 30]);
  });

  it("has nothing to draw before the first request", () => {
    expect(fillSeries([], 5, 300)).toEqual([]);
  });
});

describe("niceMax", () => {
  it.each([
    [[0, null], 1],
    [[0.3], 0.5],
    [[7], 10],
    [[12, 3], 20],
    [[480], 500],
    [[1000], 1000],
  ])("rounds %j up to %d", (values, max) => {
    expect(niceMax(values)).toBeCloseTo(max);
  });
});

describe("linePath", () => {
  it("draws from the bottom left, scaled to the maximum", () => {
    expect(linePath([0, 5, 10], 100, 50, 10)).toBe("M0 50 L50 25 L100 0");
  });

  it("breaks the line where a value is missing", () => {
    expect(linePath([1, null, 1, 1], 30, 10, 2)).toBe("M0 5 M20 5 L30 5");
  });

  it("keeps a spike above the axis inside the frame", () => {
    expect(linePath([20], 10, 10, 10)).toBe("M0 0");
  });
});

describe("bars", () => {
  it("gives each value a slot and a height in proportion", () => {
    const drawn = bars([0, 2, 4], 30, 40, 4);

    expect(drawn.map((bar) => bar.height)).toEqual([0, 20, 40]);
    expect(drawn.map((bar) => bar.y)).toEqual([40, 20, 0]);
    expect(drawn[1]?.x).toBeGreaterThan(10);
    expect(drawn[2]?.x).toBeLessThan(30);
  });
});

describe("formatting", () => {
  it.each([
    [null, "—"],
    [3.14159, "3.1 ms"],
    [250.4, "250 ms"],
    [1234, "1.23 s"],
  ])("shows %j ms as %s", (value, shown) => {
    expect(formatMs(value)).toBe(shown);
  });

  it.each([
    [0, "0 %"],
    [0.0012, "0.12 %"],
    [0.25, "25.0 %"],
  ])("shows a rate of %d as %s", (rate, shown) => {
    expect(formatRate(rate)).toBe(shown);
  });
});

describe("sortRoutes", () => {
  const routes = [
    route("/api/notes", 50, 8),
    route("/api/tasks", 10, 40, 0.1),
    route("/api/search", 20, null),
  ];

  it("puts the most requested first by default order", () => {
    expect(sortRoutes(routes, "requests").map((r) => r.route)).toEqual([
      "/api/notes",
      "/api/search",
      "/api/tasks",
    ]);
  });

  it("puts the slowest first, unmeasured last", () => {
    expect(sortRoutes(routes, "p95").map((r) => r.route)).toEqual([
      "/api/tasks",
      "/api/notes",
      "/api/search",
    ]);
  });

  it("puts the most failing first, then by requests", () => {
    expect(sortRoutes(routes, "errors").map((r) => r.route)).toEqual([
      "/api/tasks",
      "/api/notes",
      "/api/search",
    ]);
  });
});
