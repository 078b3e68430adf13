import { describe, expect, test } from "vitest";
import { localClockTime } from "./local-clock-time.js";

describe("localClockTime", () => {
  test("tells New York time with EST in winter and EDT in summer", () => {
    expect(localClockTime(new Date("2026-11-29T15:16:13.298Z"), "America/New_York")).toBe("10:16 EST");
    expect(localClockTime(new Date("2026-07-01T14:16:00Z"), "America/New_York")).toBe("10:16 EDT");
  });

  test("names zones without a common abbreviation by their offset", () => {
    expect(localClockTime(new Date("2026-01-15T15:16:00Z"), "Europe/Berlin")).toBe("16:16 GMT+1");
    expect(localClockTime(new Date("2026-01-15T15:16:00Z"), "Asia/Kolkata")).toBe("20:46 GMT+5:30");
  });

  test("is plain UTC in UTC, on a 24-hour clock", () => {
    expect(localClockTime(new Date("2026-01-15T23:05:00Z"), "UTC")).toBe("23:05 UTC");
  });

  test("throws on an unknown zone, which validation should have caught", () => {
    expect(() => localClockTime(new Date("2026-01-15T15:16:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
