import { expect, test } from "vitest";
import { localDate } from "./local-date.js";

test("the local date is taken in the zone, not in UTC", () => {
  expect(localDate(new Date("2025-01-01T02:00:00Z"), "America/Los_Angeles").toISODate()).toBe("2024-12-31");
  expect(localDate(new Date("2024-12-31T20:00:00Z"), "Asia/Tokyo").toISODate()).toBe("2025-01-01");
});

test("the date is a UTC midnight, so adding days never meets a clock change", () => {
  const date = localDate(new Date("2025-03-29T12:00:00Z"), "Europe/Berlin");
  expect(date.zoneName).toBe("UTC");
  expect(date.plus({ days: 1 }).toISO()).toBe("2025-03-30T00:00:00.000Z");
});

test("an unknown zone or an invalid Date is a bug the caller's validation should have caught", () => {
  expect(() => localDate(new Date("2025-01-01T00:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  expect(() => localDate(new Date(Number.NaN), "UTC")).toThrow(RangeError);
});
