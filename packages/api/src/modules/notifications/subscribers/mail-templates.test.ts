import { describe, expect, test } from "vitest";
import { durationInWords, windowInWords } from "./mail-templates.js";

describe("a maintenance window in words", () => {
  test("within one day: the day once, both times, its length", () => {
    expect(windowInWords(new Date("2026-11-30T01:00:00Z"), new Date("2026-11-30T02:30:00Z"))).toBe(
      "Monday, 30 November 2026, 01:00–02:30 UTC (1 hour 30 minutes)",
    );
  });

  test("across midnight (UTC): both days", () => {
    expect(windowInWords(new Date("2026-12-31T23:00:00Z"), new Date("2027-01-01T01:00:00Z"))).toBe(
      "Thursday, 31 December 2026, 23:00 UTC – Friday, 1 January 2027, 01:00 UTC (2 hours)",
    );
  });

  test("in the organization's time zone: the same window read in New York is the evening before", () => {
    expect(windowInWords(new Date("2026-11-30T01:00:00Z"), new Date("2026-11-30T02:30:00Z"), "America/New_York")).toBe(
      "Sunday, 29 November 2026, 20:00–21:30 EST (1 hour 30 minutes)",
    );
  });

  test("across a change of daylight saving time: both zone names", () => {
    // Europe/Berlin leaves summer time at 03:00 CEST on 25 October 2026.
    expect(windowInWords(new Date("2026-10-25T00:00:00Z"), new Date("2026-10-25T02:00:00Z"), "Europe/Berlin")).toBe(
      "Sunday, 25 October 2026, 02:00 GMT+2 – Sunday, 25 October 2026, 03:00 GMT+1 (2 hours)",
    );
  });

  test.each([
    [45 * 60_000, "45 minutes"],
    [60 * 60_000, "1 hour"],
    [26 * 3_600_000 + 60_000, "1 day 2 hours 1 minute"],
    [3 * 86_400_000, "3 days"],
    [20_000, "less than a minute"],
  ])("%d ms is %s", (ms, words) => {
    expect(durationInWords(ms)).toBe(words);
  });
});
