import { DateTime } from "luxon";
import { expect, test } from "vitest";
import { localDate, localInstant, plusWallClockSeconds } from "./wall-clock.js";

test("a local time of day on a date becomes the matching instant in that zone", () => {
  const date = DateTime.fromISO("2025-07-01", { zone: "utc" });
  expect(
    localInstant(date, 9 * 60 + 30, "Europe/Paris")
      .toUTC()
      .toISO(),
  ).toBe("2025-07-01T07:30:00.000Z");
});

test("adding wall-clock hours across the autumn change keeps the local end time", () => {
  const evening = DateTime.fromISO("2025-10-25T22:00", { zone: "Europe/Paris" });
  const morning = plusWallClockSeconds(evening, 10 * 3600);
  expect(morning.toFormat("yyyy-MM-dd HH:mm")).toBe("2025-10-26 08:00");
  expect(morning.diff(evening, "hours").hours).toBe(11);
});

test("the local date is taken in the zone, not in UTC", () => {
  expect(localDate(new Date("2025-01-01T02:00:00Z"), "America/Los_Angeles").toISODate()).toBe("2024-12-31");
});
