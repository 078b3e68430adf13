import { describe, expect, test } from "vitest";
import { formatDuration } from "./format-duration.js";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("formatDuration", () => {
  test("less than half a minute is under a minute", () => {
    expect(formatDuration(0)).toBe("under a minute");
    expect(formatDuration(29_000)).toBe("under a minute");
  });

  test("one of a unit is singular, more are plural", () => {
    expect(formatDuration(MIN)).toBe("1 minute");
    expect(formatDuration(2 * MIN)).toBe("2 minutes");
    expect(formatDuration(HOUR)).toBe("1 hour");
    expect(formatDuration(2 * HOUR + MIN)).toBe("2 hours 1 minute");
    expect(formatDuration(24 * HOUR)).toBe("1 day");
    expect(formatDuration(49 * HOUR)).toBe("2 days 1 hour");
  });

  test("rounds to the nearest minute under a day and to the nearest hour beyond", () => {
    expect(formatDuration(2 * MIN + 31_000)).toBe("3 minutes");
    expect(formatDuration(59 * MIN + 40_000)).toBe("1 hour");
    expect(formatDuration(HOUR + 5 * MIN)).toBe("1 hour 5 minutes");
    expect(formatDuration(26 * HOUR + 29 * MIN)).toBe("1 day 2 hours");
    expect(formatDuration(47 * HOUR + 45 * MIN)).toBe("2 days");
  });

  test("a span in the past reads like one in the future", () => {
    expect(formatDuration(-3 * MIN)).toBe("3 minutes");
  });
});
