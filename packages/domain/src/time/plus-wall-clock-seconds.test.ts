import { DateTime } from "luxon";
import { expect, test } from "vitest";
import { plusWallClockSeconds } from "./plus-wall-clock-seconds.js";

test("adding wall-clock hours across the autumn change keeps the local end time", () => {
  const evening = DateTime.fromISO("2025-10-25T22:00", { zone: "Europe/Paris" });
  const morning = plusWallClockSeconds(evening, 10 * 3600);
  expect(morning.toFormat("yyyy-MM-dd HH:mm")).toBe("2025-10-26 08:00");
  expect(morning.diff(evening, "hours").hours).toBe(11);
});

test("adding wall-clock hours across the spring change keeps the local end time", () => {
  const evening = DateTime.fromISO("2025-03-29T22:00", { zone: "Europe/Paris" });
  const morning = plusWallClockSeconds(evening, 10 * 3600);
  expect(morning.toFormat("yyyy-MM-dd HH:mm")).toBe("2025-03-30 08:00");
  expect(morning.diff(evening, "hours").hours).toBe(9);
});
