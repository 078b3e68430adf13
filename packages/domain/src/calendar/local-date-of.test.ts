import { describe, expect, test } from "vitest";
import { localDateOf } from "./local-date-of.js";

describe("localDateOf", () => {
  test("is the UTC date in UTC", () => {
    expect(localDateOf(new Date("2026-03-06T23:59:59.999Z"), "UTC")).toBe("2026-03-06");
  });

  test("is still Friday in New York when it is already Saturday in UTC", () => {
    expect(localDateOf(new Date("2026-03-07T01:00:00Z"), "America/New_York")).toBe("2026-03-06");
  });

  test("is already Saturday in Tokyo when it is still Friday in UTC", () => {
    expect(localDateOf(new Date("2026-03-06T16:00:00Z"), "Asia/Tokyo")).toBe("2026-03-07");
  });

  test("follows daylight saving time: midnight in Berlin is 22:00 UTC in summer, 23:00 in winter", () => {
    expect(localDateOf(new Date("2026-07-01T22:00:00Z"), "Europe/Berlin")).toBe("2026-07-02");
    expect(localDateOf(new Date("2026-01-01T22:00:00Z"), "Europe/Berlin")).toBe("2026-01-01");
    expect(localDateOf(new Date("2026-01-01T23:00:00Z"), "Europe/Berlin")).toBe("2026-01-02");
  });

  test("turns the year in Auckland before it does in UTC", () => {
    expect(localDateOf(new Date("2026-12-31T11:00:00Z"), "Pacific/Auckland")).toBe("2027-01-01");
  });

  test("throws on an unknown zone, which validation should have caught", () => {
    expect(() => localDateOf(new Date("2026-03-06T12:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });

  test("throws on an invalid Date", () => {
    expect(() => localDateOf(new Date(Number.NaN), "UTC")).toThrow(RangeError);
  });
});
