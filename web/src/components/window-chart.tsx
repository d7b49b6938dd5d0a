import { bars, linePath, niceMax } from "@/lib/performance";

const WIDTH = 360;
const HEIGHT = 130;
const LEFT = 52;
const TOP = 8;
const BOTTOM = 20;

/** One measure over the rolling window, drawn as plain SVG: a line, or bars
 * for counts. The label gives screen readers the latest value and the peak. */
export function WindowChart({
  title,
  values,
  seconds,
  format,
  kind = "line",
}: {
  title: string;
  values: (number | null)[];
  seconds: number;
  format: (value: number) => string;
  kind?: "line" | "bars";
}) {
  const max = niceMax(values);
  const known = values.filter((value): value is number => value !== null);
  const latest = known.at(-1);
  const peak = known.length ? Math.max(...known) : undefined;
  const minutes = Math.round(seconds / 60);
  const summary =
    latest === undefined || peak === undefined
      ? `${title}: nothing measured yet`
      : `${title}: latest ${format(latest)}, peak ${format(peak)} over the last ${minutes} minutes`;
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - TOP - BOTTOM;

  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
      <figcaption className="text-sm font-medium text-stone-700 dark:text-stone-200">
        {title}
      </figcaption>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="mt-1 h-auto w-full text-stone-600 dark:text-stone-300"
      >
        {[0, 0.5, 1].map((share) => {
          const y = TOP + plotHeight * (1 - share);
          const label = format(max * share);
          // A middle label that rounds to an end's (counts up to 1) is noise.
          const repeated =
            share === 0.5 && [format(0), format(max)].includes(label);
          return (
            <g key={share}>
              <line
                x1={LEFT}
                x2={WIDTH}
                y1={y}
                y2={y}
                className="stroke-stone-200 dark:stroke-stone-700"
                strokeWidth={1}
              />
              <text
                x={LEFT - 6}
                y={y + 4}
                textAnchor="end"
                fontSize={11}
                fill="currentColor"
              >
                {repeated ? "" : label}
              </text>
            </g>
          );
        })}
        <text x={LEFT} y={HEIGHT - 4} fontSize={11} fill="currentColor">
          −{minutes} min
        </text>
        <text
          x={WIDTH}
          y={HEIGHT - 4}
          fontSize={11}
          textAnchor="end"
          fill="currentColor"
        >
          now
        </text>
        <g transform={`translate(${LEFT} ${TOP})`}>
          {kind === "bars" ? (
            bars(
              values.map((value) => value ?? 0),
              plotWidth,
              plotHeight,
              max,
            ).map((bar, index) => (
              <rect
                key={index}
                {...bar}
                className="fill-red-500 dark:fill-red-400"
              />
            ))
          ) : (
            <path
              d={linePath(values, plotWidth, plotHeight, max)}
              fill="none"
              strokeWidth={2}
              strokeLinejoin="round"
              className="stroke-teal-600 dark:stroke-teal-400"
            />
          )}
        </g>
      </svg>
    </figure>
  );
}
