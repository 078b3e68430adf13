import { describe, expect, test } from "vitest";
import { describeDue } from "./describe-due.js";

const NY = "America/New_York";
const MIN = 60_000;
const due = new Date("2026-11-29T15:16:13.298Z");
const at = (offsetMs: number) => new Date(due.getTime() + offsetMs);

describe("describeDue", () => {
  test("regression: a reader in New York read 'was due at 2026-11-29T17:16:13.298Z' before it was due", () => {
    expect(describeDue(due, at(-2 * MIN), NY)).toBe("is due at 10:16 EST, in 2 minutes");
  });

  test("speaks in the past once the time has passed", () => {
    expect(describeDue(due, at(3 * MIN), NY)).toBe("was due at 10:16 EST, 3 minutes ago");
  });

  test("one minute is singular", () => {
    expect(describeDue(due, at(-MIN), NY)).toBe("is due at 10:16 EST, in 1 minute");
    expect(describeDue(due, at(MIN), NY)).toBe("was due at 10:16 EST, 1 minute ago");
  });

  test("a moment before or after is under a minute", () => {
    expect(describeDue(due, at(-10_000), NY)).toBe("is due at 10:16 EST, in under a minute");
    expect(describeDue(due, at(1), NY)).toBe("was due at 10:16 EST, under a minute ago");
    expect(describeDue(due, due, NY)).toBe("is due at 10:16 EST, in under a minute");
  });

  test("the same instant reads in each reader's own zone", () => {
    expect(describeDue(due, at(-2 * MIN), "Europe/Berlin")).toBe("is due at 16:16 GMT+1, in 2 minutes");
    expect(describeDue(due, at(-2 * MIN), "UTC")).toBe("is due at 15:16 UTC, in 2 minutes");
    expect(describeDue(due, at(-2 * MIN), "Asia/Tokyo")).toBe("is due at 00:16 GMT+9, in 2 minutes");
  });

  test("names the day when it is not today for the reader", () => {
    const report = new Date("2026-12-01T04:59:59.999Z"); // end of Monday 30 November in New York
    expect(describeDue(report, new Date("2026-11-30T15:00:00Z"), NY)).toBe("is due at 23:59 EST, in 14 hours");
    expect(describeDue(report, new Date("2026-11-29T15:00:00Z"), NY)).toBe(
      "is due tomorrow at 23:59 EST, in 1 day 14 hours",
    );
    expect(describeDue(report, new Date("2026-11-27T15:00:00Z"), NY)).toBe(
      "is due on Mon 30 Nov at 23:59 EST, in 3 days 14 hours",
    );
    expect(describeDue(report, new Date("2026-12-01T15:00:00Z"), NY)).toBe(
      "was due yesterday at 23:59 EST, 10 hours ago",
    );
  });

  test("counts real minutes across the spring change to daylight saving time", () => {
    // 01:55 EST, then clocks jump from 02:00 to 03:00: 03:05 EDT is 10 minutes later.
    const dueAt = new Date("2026-03-08T07:05:00Z");
    expect(describeDue(dueAt, new Date("2026-03-08T06:55:00Z"), NY)).toBe("is due at 03:05 EDT, in 10 minutes");
  });

  test("tells the two 01:30s apart on the night clocks go back", () => {
    const first = new Date("2026-11-01T05:30:00Z"); // 01:30 EDT
    const second = new Date("2026-11-01T06:30:00Z"); // 01:30 EST, an hour later
    expect(describeDue(second, first, NY)).toBe("is due at 01:30 EST, in 1 hour");
    expect(describeDue(first, second, NY)).toBe("was due at 01:30 EDT, 1 hour ago");
  });
});
