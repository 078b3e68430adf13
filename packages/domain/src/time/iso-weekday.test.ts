import { DateTime } from "luxon";
import { expect, test } from "vitest";
import { ISO_WEEKDAYS, MONDAY_TO_FRIDAY, isIsoWeekday } from "./iso-weekday.js";

test("weekdays run from Monday (1) to Sunday (7)", () => {
  expect([0, 1, 7, 8, 1.5, Number.NaN].map(isIsoWeekday)).toEqual([false, true, true, false, false, false]);
  expect(ISO_WEEKDAYS.every(isIsoWeekday)).toBe(true);
});

test("the numbering is luxon's, so a rule may compare it with DateTime.weekday", () => {
  // 2025-06-02 is a Monday, 2025-06-08 a Sunday.
  expect(DateTime.fromISO("2025-06-02").weekday).toBe(ISO_WEEKDAYS[0]);
  expect(DateTime.fromISO("2025-06-08").weekday).toBe(ISO_WEEKDAYS[6]);
});

test("the working week is Monday to Friday", () => {
  expect(MONDAY_TO_FRIDAY).toEqual(ISO_WEEKDAYS.slice(0, 5));
});
