import type { Schemas } from "@/lib/api/client";

type Point = Schemas["WindowPoint"];
type Route = Schemas["RouteStats"];

/** One slot per bucket of the window, oldest first, ending with the newest
 * bucket the server reported. A bucket without requests is absent from the
 * report: here it counts zero, and has no latency. */
export function fillSeries(
  series: Point[],
  bucketSeconds: number,
  windowSeconds: number,
): Point[] {
  const slots = Math.max(1, Math.round(windowSeconds / bucketSeconds));
  const newest = Math.max(...series.map((point) => point.start));
  if (!Number.isFinite(newest)) return [];
  const byStart = new Map(series.map((point) => [point.start, point]));
  return Array.from({ length: slots }, (_, index) => {
    const start = newest - (slots - 1 - index) * bucketSeconds;
    return (
      byStart.get(start) ?? {
        start,
        requests: 0,
        errors: 0,
        throughput: 0,
        p95_ms: null,
      }
    );
  });
}

/** A round ceiling for an axis: 1, 2 or 5 times a power of ten. */
export function niceMax(values: (number | null)[]): number {
  const top = Math.max(0, ...values.map((value) => value ?? 0));
  if (top === 0) return 1;
  const power = 10 ** Math.floor(Math.log10(top));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= top) ?? 10;
  return step * power;
}

/** An SVG path through the values, left to right across `width`, 0 at the
 * bottom of `height`; a missing value breaks the line. */
export function linePath(
  values: (number | null)[],
  width: number,
  height: number,
  max: number,
): string {
  const stepX = values.length > 1 ? width / (values.length - 1) : 0;
  let path = "";
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const x = round(index * stepX);
    const y = round(height - (Math.min(value, max) / max) * height);
    path += `${drawing ? "L" : "M"}${x} ${y} `;
    drawing = true;
  });
  return path.trim();
}

/** Bars for the values: x, width and height of each, in the same frame. */
export function bars(
  values: number[],
  width: number,
  height: number,
  max: number,
): { x: number; y: number; width: number; height: number }[] {
  const slot = values.length ? width / values.length : 0;
  const barWidth = Math.max(1, round(slot * 0.7));
  return values.map((value, index) => {
    const barHeight = round((Math.min(value, max) / max) * height);
    return {
      x: round(index * slot + (slot - barWidth) / 2),
      y: round(height - barHeight),
      width: barWidth,
      height: barHeight,
    };
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(1)} ms`;
}

export function formatRate(rate: number): string {
  if (rate === 0) return "0 %";
  const percent = rate * 100;
  return `${percent < 1 ? percent.toFixed(2) : percent.toFixed(1)} %`;
}

export type RouteOrder = "requests" | "p95" | "errors";

/** Routes most requested, slowest (by p95) or most failing first. */
export function sortRoutes(routes: Route[], order: RouteOrder): Route[] {
  const key = (route: Route): number => {
    if (order === "p95") return route.latency_ms.p95 ?? -1;
    if (order === "errors") return route.error_rate;
    return route.requests;
  };
  return [...routes].sort((a, b) => key(b) - key(a) || b.requests - a.requests);
}
