/** Due dates as a person reads them: in their own timezone and date order. */

export type DateOrder = "MDY" | "DMY";

export type DueTone = "overdue" | "today" | "upcoming" | "later" | "done";

export type DueBadge = { label: string; tone: DueTone; title: string };

export type DueInput = {
  due_at: string | null;
  due_has_time: boolean;
  due_local?: string | null;
  status: string;
};

export type ZoneOptions = { timeZone: string; dateOrder: DateOrder };

const DAY_MS = 86_400_000;

export function localeFor(order: DateOrder): string {
  return order === "DMY" ? "en-GB" : "en-US";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
};

/** The calendar date and clock time an instant has in a timezone. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts = formatter("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(instant);
  const get = (type: string) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
  };
}

function dayNumber({ year, month, day }: Omit<WallTime, "hour" | "minute">) {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function parseDay(isoDate: string) {
  const [year = 0, month = 1, day = 1] = isoDate.slice(0, 10).split("-");
  return { year: Number(year), month: Number(month), day: Number(day) };
}

/** The due day of a task as the user sees it. All-day tasks keep the day
 * they were given (due_local); timed ones move into the viewer's zone. */
function dueDay(task: DueInput, dueAt: Date, timeZone: string) {
  if (!task.due_has_time && task.due_local) return parseDay(task.due_local);
  return wallTime(dueAt, timeZone);
}

function dayLabel(
  diff: number,
  day: ReturnType<typeof parseDay>,
  todayYear: number,
  locale: string,
): string {
  if (diff === 0) return "Today";
  if (diff === 1) return "Tomorrow";
  if (diff === -1) return "Yesterday";
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  if (diff > 1 && diff < 7) {
    return formatter(locale, { weekday: "short", timeZone: "UTC" }).format(
      date,
    );
  }
  const options: Intl.DateTimeFormatOptions = {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  };
  if (day.year !== todayYear) options.year = "numeric";
  return formatter(locale, options).format(date);
}

function timeLabel(instant: Date, timeZone: string, locale: string): string {
  return formatter(locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(instant);
}

function toneOf(task: DueInput, dueAt: Date, diff: number, now: Date) {
  if (task.status === "done") return "done";
  const late = task.due_has_time ? dueAt < now : diff < 0;
  if (late) return "overdue";
  if (diff === 0) return "today";
  return diff < 7 ? "upcoming" : "later";
}

export function dueBadge(
  task: DueInput,
  now: Date,
  { timeZone, dateOrder }: ZoneOptions,
): DueBadge | null {
  if (!task.due_at) return null;
  const locale = localeFor(dateOrder);
  const dueAt = new Date(task.due_at);
  const today = wallTime(now, timeZone);
  const day = dueDay(task, dueAt, timeZone);
  const diff = dayNumber(day) - dayNumber(today);

  const tone: DueTone = toneOf(task, dueAt, diff, now);
  const label = task.due_has_time
    ? `${dayLabel(diff, day, today.year, locale)}, ${timeLabel(dueAt, timeZone, locale)}`
    : dayLabel(diff, day, today.year, locale);
  const title = `${tone === "overdue" ? "Overdue: " : ""}due ${fullDate(task, dueAt, { timeZone, dateOrder })}`;
  return { label, tone, title };
}

/** "Thursday, 3 December 2026 at 15:00" in the viewer's zone and locale. */
export function fullDate(
  task: Pick<DueInput, "due_has_time" | "due_local">,
  dueAt: Date,
  { timeZone, dateOrder }: ZoneOptions,
): string {
  const locale = localeFor(dateOrder);
  if (!task.due_has_time && task.due_local) {
    const { year, month, day } = parseDay(task.due_local);
    return formatter(locale, { dateStyle: "full", timeZone: "UTC" }).format(
      new Date(Date.UTC(year, month - 1, day)),
    );
  }
  return formatter(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  }).format(dueAt);
}

/** A short date for lists ("Dec 3" / "3 Dec"), in the viewer's zone. */
export function shortDate(iso: string, options: ZoneOptions): string {
  return formatter(localeFor(options.dateOrder), {
    month: "short",
    day: "numeric",
    timeZone: options.timeZone,
  }).format(new Date(iso));
}

function offsetMs(instant: number, timeZone: string): number {
  const wall = wallTime(new Date(instant), timeZone);
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
  );
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/** The instant a wall-clock time ("2026-12-04T15:00") names in a timezone. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const [date = "", time = "00:00"] = local.split("T");
  const { year, month, day } = parseDay(date);
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset on either side of a DST change.
  const first = guess - offsetMs(guess, timeZone);
  return new Date(guess - offsetMs(first, timeZone));
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** The value an <input type="datetime-local"> shows for an instant. */
export function toLocalInput(iso: string, timeZone: string): string {
  const w = wallTime(new Date(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
