import { describe, expect, it } from "vitest";

import { dueBadge, toLocalInput, zonedToUtc, type DueInput } from "./dates";

const lisbon = { timeZone: "Europe/Lisbon", dateOrder: "MDY" } as const;
const now = new Date("2026-12-04T10:00:00Z");

function task(fields: Partial<DueInput>): DueInput {
  return { due_at: null, due_has_time: true, status: "todo", ...fields };
}

describe("dueBadge", () => {
  it("has no badge without a due date", () => {
    expect(dueBadge(task({}), now, lisbon)).toBeNull();
  });

  it("names tomorrow with the time in the user's locale", () => {
    const due = task({ due_at: "2026-12-05T15:00:00Z" });

    expect(dueBadge(due, now, lisbon)).toMatchObject({
      label: "Tomorrow, 3:00 PM",
      tone: "upcoming",
    });
    expect(dueBadge(due, now, { ...lisbon, dateOrder: "DMY" })?.label).toBe(
      "Tomorrow, 15:00",
    );
  });

  it("moves a timed task into the viewer's timezone", () => {
    const due = task({ due_at: "2026-12-05T02:00:00Z" });
    const newYork = { timeZone: "America/New_York", dateOrder: "MDY" } as const;

    expect(dueBadge(due, now, newYork)).toMatchObject({
      label: "Today, 9:00 PM",
      tone: "today",
    });
  });

  it("marks a timed task overdue once its time has passed", () => {
    const due = task({ due_at: "2026-12-04T09:00:00Z" });

    const badge = dueBadge(due, now, lisbon);

    expect(badge?.tone).toBe("overdue");
    expect(badge?.title).toMatch(/^Overdue: due Friday, December 4, 2026/);
  });

  it("keeps an all-day task due today until the day ends", () => {
    const due = task({
      due_at: "2026-12-04T23:59:59Z",
      due_has_time: false,
      due_local: "2026-12-04",
    });

    expect(dueBadge(due, now, lisbon)).toMatchObject({
      label: "Today",
      tone: "today",
    });
  });

  it("marks yesterday's all-day task overdue", () => {
    const due = task({
      due_at: "2026-12-03T23:59:59Z",
      due_has_time: false,
      due_local: "2026-12-03",
    });

    expect(dueBadge(due, now, lisbon)).toMatchObject({
      label: "Yesterday",
      tone: "overdue",
    });
  });

  it("never calls a done task overdue", () => {
    const due = task({ due_at: "2026-12-01T09:00:00Z", status: "done" });

    expect(dueBadge(due, now, lisbon)?.tone).toBe("done");
  });

  it("shows weekdays this week and dates further out in the date order", () => {
    const friday = task({ due_at: "2026-12-08T12:00:00Z" });
    const later = task({ due_at: "2026-12-20T12:00:00Z" });
    const nextYear = task({ due_at: "2027-01-20T12:00:00Z" });

    expect(dueBadge(friday, now, lisbon)?.label).toBe("Tue, 12:00 PM");
    expect(dueBadge(later, now, lisbon)).toMatchObject({
      label: "Dec 20, 12:00 PM",
      tone: "later",
    });
    const dmy = { ...lisbon, dateOrder: "DMY" } as const;
    expect(dueBadge(later, now, dmy)?.label).toBe("20 Dec, 12:00");
    expect(dueBadge(nextYear, now, dmy)?.label).toBe("20 Jan 2027, 12:00");
  });
});

describe("zonedToUtc", () => {
  it("converts a wall-clock time in a zone to the instant", () => {
    expect(zonedToUtc("2026-12-04T15:00", "Europe/Berlin").toISOString()).toBe(
      "2026-12-04T14:00:00.000Z",
    );
  });

  it("uses summer time after the change", () => {
    expect(zonedToUtc("2026-03-29T03:30", "Europe/Lisbon").toISOString()).toBe(
      "2026-03-29T02:30:00.000Z",
    );
  });

  it("round-trips with toLocalInput", () => {
    const iso = "2026-07-01T18:45:00Z";

    expect(toLocalInput(iso, "Asia/Kolkata")).toBe("2026-07-02T00:15");
    expect(
      zonedToUtc(toLocalInput(iso, "Asia/Kolkata"), "Asia/Kolkata").getTime(),
    ).toBe(new Date(iso).getTime());
  });
});
