import { DateTime } from "luxon";
import { expect, test } from "vitest";
import { localInstant } from "./local-instant.js";

const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });

test("a local time of day on a date becomes the matching instant in that zone", () => {
  expect(
    localInstant(utc("2025-07-01"), 9 * 60 + 30, "Europe/Paris")
      .toUTC()
      .toISO(),
  ).toBe("2025-07-01T07:30:00.000Z");
});

test("only the calendar date of the given DateTime counts, not its zone", () => {
  const tokyoMonday = DateTime.fromISO("2025-06-02T08:00", { zone: "Asia/Tokyo" });
  expect(localInstant(tokyoMonday, 9 * 60, "UTC").toISO()).toBe("2025-06-02T09:00:00.000Z");
});

test("24:00 is the following local midnight, also on a 25-hour day", () => {
  // Clocks go back in Berlin on 26 October 2025: that day lasts 25 hours.
  const start = localInstant(utc("2025-10-26"), 0, "Europe/Berlin");
  const end = localInstant(utc("2025-10-26"), 24 * 60, "Europe/Berlin");
  expect(end.toUTC().toISO()).toBe("2025-10-26T23:00:00.000Z");
  expect(end.diff(start, "hours").hours).toBe(25);
});

test("a time the spring-forward jump skips moves forward", () => {
  // 02:30 does not exist on 30 March 2025 in Berlin.
  expect(
    localInstant(utc("2025-03-30"), 2 * 60 + 30, "Europe/Berlin")
      .toUTC()
      .toISO(),
  ).toBe("2025-03-30T01:30:00.000Z");
});
