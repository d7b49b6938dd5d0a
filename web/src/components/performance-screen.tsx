"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import { EmptyState, Skeleton } from "@/components/empty-state";
import { WindowChart } from "@/components/window-chart";
import type { Performance, Schemas } from "@/lib/api/client";
import {
  fillSeries,
  formatMs,
  formatRate,
  sortRoutes,
  type RouteOrder,
} from "@/lib/performance";
import { adminQueries } from "@/lib/queries/admin-queries";

type Latency = Schemas["Latency"];

const ORDERS: { value: RouteOrder; label: string }[] = [
  { value: "requests", label: "Most requests" },
  { value: "p95", label: "Slowest (p95)" },
  { value: "errors", label: "Most errors" },
];

const CELL = "px-2 py-1.5 text-right tabular-nums";
const HEAD = "px-2 py-1.5 text-right font-medium";
const FIRST = "px-2 py-1.5 text-left";
// The three tables share their look.
const TABLE = "w-full text-sm text-stone-700 dark:text-stone-200";
const TABLE_HEAD =
  "border-b border-stone-200 text-xs text-stone-500 dark:border-stone-700 dark:text-stone-400";
const ROW = "border-b border-stone-100 last:border-0 dark:border-stone-800";

const perSecond = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)}/s`;
const count = (value: number) => String(Math.round(value));

function LatencyCells({ latency }: { latency: Latency }) {
  return (
    <>
      <td className={CELL}>{formatMs(latency.p50)}</td>
      <td className={CELL}>{formatMs(latency.p95)}</td>
      <td className={CELL}>{formatMs(latency.p99)}</td>
    </>
  );
}

function LatencyHeads() {
  return (
    <>
      <th scope="col" className={HEAD}>
        p50
      </th>
      <th scope="col" className={HEAD}>
        p95
      </th>
      <th scope="col" className={HEAD}>
        p99
      </th>
    </>
  );
}

function Panel({
  title,
  children,
  action,
}: {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <section className="rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="text-sm font-medium text-stone-700 dark:text-stone-200">
          {title}
        </h2>
        {action}
      </div>
      <div className="overflow-x-auto">{children}</div>
    </section>
  );
}

function Summary({ report }: { report: Performance }) {
  const figures = [
    ["Requests", count(report.requests)],
    ["Throughput", perSecond(report.throughput)],
    ["Error rate", formatRate(report.error_rate)],
    ["p50", formatMs(report.latency_ms.p50)],
    ["p95", formatMs(report.latency_ms.p95)],
    ["p99", formatMs(report.latency_ms.p99)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {figures.map(([label, value]) => (
        <div
          key={label}
          data-testid={`figure-${label}`}
          className="rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900"
        >
          <dt className="text-xs text-stone-500 dark:text-stone-400">
            {label}
          </dt>
          <dd className="text-lg font-semibold text-stone-900 tabular-nums dark:text-stone-50">
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function RouteTable({ routes }: { routes: Performance["routes"] }) {
  const [order, setOrder] = useState<RouteOrder>("requests");
  const sorted = useMemo(() => sortRoutes(routes, order), [routes, order]);
  const picker = (
    <label className="flex items-center gap-1.5 text-xs text-stone-600 dark:text-stone-300">
      Order
      <select
        value={order}
        onChange={(event) => setOrder(event.target.value as RouteOrder)}
        className="rounded border border-stone-300 bg-white px-1.5 py-0.5 dark:border-stone-700 dark:bg-stone-950"
      >
        {ORDERS.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Panel title="Routes" action={picker}>
      <table className={TABLE}>
        <thead className={TABLE_HEAD}>
          <tr>
            <th scope="col" className={`${FIRST} font-medium`}>
              Route
            </th>
            <th scope="col" className={HEAD}>
              Requests
            </th>
            <th scope="col" className={HEAD}>
              Rate
            </th>
            <th scope="col" className={HEAD}>
              Errors
            </th>
            <LatencyHeads />
          </tr>
        </thead>
        <tbody>
          {sorted.map((route) => (
            <tr
              key={`${route.method} ${route.route}`}
              data-testid="route-row"
              className={ROW}
            >
              <th scope="row" className={`${FIRST} font-normal`}>
                <span className="mr-1.5 font-mono text-xs text-stone-500 dark:text-stone-400">
                  {route.method}
                </span>
                <span className="font-mono text-xs break-all">
                  {route.route}
                </span>
              </th>
              <td className={CELL}>{route.requests}</td>
              <td className={CELL}>{perSecond(route.throughput)}</td>
              <td
                className={`${CELL} ${route.errors ? "text-red-700 dark:text-red-300" : ""}`}
              >
                {formatRate(route.error_rate)}
              </td>
              <LatencyCells latency={route.latency_ms} />
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function EngineTable({ engines }: { engines: Performance["engines"] }) {
  return (
    <Panel title="AI latency">
      {engines.length === 0 ? (
        <p className="text-sm text-stone-500 dark:text-stone-400">
          No message was understood in this window.
        </p>
      ) : (
        <table className={TABLE}>
          <thead className={TABLE_HEAD}>
            <tr>
              <th scope="col" className={`${FIRST} font-medium`}>
                Engine
              </th>
              <th scope="col" className={`${FIRST} font-medium`}>
                Outcome
              </th>
              <th scope="col" className={HEAD}>
                Calls
              </th>
              <LatencyHeads />
            </tr>
          </thead>
          <tbody>
            {engines.map((engine) => (
              <tr
                key={`${engine.engine} ${engine.model} ${engine.outcome}`}
                data-testid="engine-stats-row"
                className={ROW}
              >
                <th scope="row" className={`${FIRST} font-normal`}>
                  {engine.engine}
                  {engine.model && (
                    <span className="ml-1.5 text-xs text-stone-500 dark:text-stone-400">
                      {engine.model}
                    </span>
                  )}
                </th>
                <td className={FIRST}>{engine.outcome}</td>
                <td className={CELL}>{engine.calls}</td>
                <LatencyCells latency={engine.latency_ms} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function QueryTable({ queries }: { queries: Performance["queries"] }) {
  if (queries.length === 0) return null;
  return (
    <Panel title="Database queries">
      <table className={TABLE}>
        <thead className={TABLE_HEAD}>
          <tr>
            <th scope="col" className={`${FIRST} font-medium`}>
              Operation
            </th>
            <th scope="col" className={HEAD}>
              Queries
            </th>
            <LatencyHeads />
          </tr>
        </thead>
        <tbody>
          {queries.map((query) => (
            <tr key={query.operation} className={ROW}>
              <th scope="row" className={`${FIRST} font-mono text-xs`}>
                {query.operation}
              </th>
              <td className={CELL}>{query.queries}</td>
              <LatencyCells latency={query.latency_ms} />
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function Report({ report }: { report: Performance }) {
  const points = useMemo(
    () =>
      fillSeries(report.series, report.bucket_seconds, report.window_seconds),
    [report],
  );
  const seconds = report.window_seconds;
  return (
    <>
      <Summary report={report} />
      <div className="grid gap-3 lg:grid-cols-3">
        <WindowChart
          title="Throughput (requests/s)"
          values={points.map((point) => point.throughput)}
          seconds={seconds}
          format={perSecond}
        />
        <WindowChart
          title="Latency p95"
          values={points.map((point) => point.p95_ms)}
          seconds={seconds}
          format={formatMs}
        />
        <WindowChart
          title="Server errors (5xx)"
          values={points.map((point) => point.errors)}
          seconds={seconds}
          format={count}
          kind="bars"
        />
      </div>
      <RouteTable routes={report.routes} />
      <EngineTable engines={report.engines} />
      <QueryTable queries={report.queries} />
    </>
  );
}

function ReportLoader() {
  const { data, isError, dataUpdatedAt } = useQuery(adminQueries.performance());
  // The error toast offers a retry; meanwhile the last report stays up.
  if (!data && isError)
    return <EmptyState title="The report could not be loaded." />;
  if (!data) return <Skeleton rows={6} />;
  const minutes = Math.round(data.window_seconds / 60);
  const updated = new Date(dataUpdatedAt).toLocaleTimeString();
  return (
    <>
      <p className="text-sm text-stone-600 dark:text-stone-300">
        This server process over the last {minutes} minutes
        {data.covered_seconds < data.window_seconds &&
          ` (up for ${Math.round(data.covered_seconds)} s)`}
        . Refreshes every few seconds; updated{" "}
        <time data-testid="updated-at">{updated}</time>.
      </p>
      <Report report={data} />
    </>
  );
}

/** Latency, errors and throughput of this server, for its operators. */
export function PerformanceScreen() {
  const access = useQuery(adminQueries.access());
  return (
    <div className="min-h-0 flex-1 overflow-y-auto bg-stone-50 dark:bg-stone-950">
      <div className="mx-auto max-w-6xl space-y-4 p-6">
        <h1 className="text-lg font-semibold text-stone-900 dark:text-stone-50">
          Performance
        </h1>
        {access.data?.performance ? (
          <ReportLoader />
        ) : access.data ? (
          <EmptyState
            title="Only the server's operators can see this page."
            hint="Operators are the accounts named in NOTETAKER_ADMIN_EMAILS."
          />
        ) : access.isError ? (
          <EmptyState title="Your access could not be checked." />
        ) : (
          <Skeleton rows={3} />
        )}
      </div>
    </div>
  );
}
