import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addWorkingMinutes } from "./add-working-minutes.js";
import type { SlaSchedule } from "./sla-policy.js";
import { workingMinutesBetween } from "./working-minutes-between.js";

const at = (iso: string) => new Date(iso);
const weekdays = [1, 2, 3, 4, 5] as const;
const berlinOffice: SlaSchedule = {
  kind: "BUSINESS_HOURS",
  timezone: "Europe/Berlin",
  weekly: weekdays.map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
  holidays: ["2025-04-21"], // Easter Monday
};
const newYorkOffice: SlaSchedule = {
  kind: "BUSINESS_HOURS",
  timezone: "America/New_York",
  weekly: [
    ...weekdays.map((weekday) => ({ weekday, start: "08:30", end: "12:00" })),
    ...weekdays.map((weekday) => ({ weekday, start: "13:00", end: "18:00" })),
    { weekday: 7 as const, start: "00:00", end: "24:00" },
  ],
  holidays: ["2025-07-04", "2025-12-25"],
};

describe("addWorkingMinutes", () => {
  test("around the clock, working time is plain elapsed time", () => {
    expect(addWorkingMinutes({ kind: "24x7" }, at("2025-03-29T23:30:00Z"), 120)).toEqual(at("2025-03-30T01:30:00Z"));
  });

  test("a ticket raised late on Friday is due on Monday morning", () => {
    // Friday 16:00 in Berlin + 2 working hours = 1 h on Friday + 1 h on Monday.
    expect(addWorkingMinutes(berlinOffice, at("2025-03-07T15:00:00Z"), 120)).toEqual(at("2025-03-10T09:00:00Z"));
  });

  test("the clock starts at opening time for a ticket raised overnight", () => {
    expect(addWorkingMinutes(berlinOffice, at("2025-03-11T02:00:00Z"), 30)).toEqual(at("2025-03-11T08:30:00Z"));
  });

  test("a target that runs out at closing time is due at closing time", () => {
    expect(addWorkingMinutes(berlinOffice, at("2025-03-13T14:00:00Z"), 120)).toEqual(at("2025-03-13T16:00:00Z"));
  });

  test("holidays are skipped", () => {
    // Thursday 17 April 16:00 CEST: Good Friday is a working day here, Easter Monday is not.
    expect(addWorkingMinutes(berlinOffice, at("2025-04-17T14:00:00Z"), 60 + 480 + 60)).toEqual(
      at("2025-04-22T08:00:00Z"),
    );
  });

  test("opening hours follow the local wall clock across a DST change", () => {
    // Friday 28 March 16:00 CET; on Monday 31 March Berlin is on CEST, so 10:00 local is 08:00Z.
    expect(addWorkingMinutes(berlinOffice, at("2025-03-28T15:00:00Z"), 120)).toEqual(at("2025-03-31T08:00:00Z"));
  });

  test("a lunch break in the working day is not counted", () => {
    // Monday 11:00 EST + 90 min = 60 min before lunch + 30 min after.
    expect(addWorkingMinutes(newYorkOffice, at("2025-01-06T16:00:00Z"), 90)).toEqual(at("2025-01-06T18:30:00Z"));
  });

  test("a full local day that loses an hour to DST holds 23 working hours", () => {
    // Sunday 9 March 2025: New York springs forward at 02:00.
    const sundayMidnight = at("2025-03-09T05:00:00Z");
    expect(addWorkingMinutes(newYorkOffice, sundayMidnight, 23 * 60)).toEqual(at("2025-03-10T04:00:00Z"));
  });

  test("paused time pushes the result back", () => {
    const paused = [{ from: at("2025-03-10T10:30:00Z"), to: at("2025-03-10T11:00:00Z") }];
    expect(addWorkingMinutes({ kind: "24x7" }, at("2025-03-10T10:00:00Z"), 120, paused)).toEqual(
      at("2025-03-10T12:30:00Z"),
    );
  });

  test("a pause outside working hours costs nothing", () => {
    const paused = [{ from: at("2025-03-08T10:00:00Z"), to: at("2025-03-09T10:00:00Z") }]; // the weekend
    expect(addWorkingMinutes(berlinOffice, at("2025-03-07T15:00:00Z"), 120, paused)).toEqual(
      at("2025-03-10T09:00:00Z"),
    );
  });

  test("zero minutes is the start itself", () => {
    expect(addWorkingMinutes(berlinOffice, at("2025-03-08T12:00:00Z"), 0)).toEqual(at("2025-03-08T12:00:00Z"));
  });

  test("a negative amount is a programming error", () => {
    expect(() => addWorkingMinutes({ kind: "24x7" }, at("2025-03-08T12:00:00Z"), -1)).toThrow(RangeError);
  });

  test("a schedule without working hours is a programming error, not an endless loop", () => {
    const never: SlaSchedule = { kind: "BUSINESS_HOURS", timezone: "UTC", weekly: [], holidays: [] };
    expect(() => addWorkingMinutes(never, at("2025-03-08T12:00:00Z"), 10)).toThrow(/NO_WORKING_HOURS/);
  });

  const instant = fc
    .integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2026-12-31T00:00:00Z") })
    .map((ms) => new Date(ms));

  test("counting the working time back gives the minutes that were added", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(berlinOffice, newYorkOffice),
        instant,
        fc.integer({ min: 0, max: 6000 }),
        (schedule, start, minutes) => {
          const end = addWorkingMinutes(schedule, start, minutes);
          expect(workingMinutesBetween(schedule, start, end)).toBe(minutes);
        },
      ),
    );
  });

  test("the round trip holds with pauses too", () => {
    const pause = fc
      .tuple(fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.integer({ min: 0, max: 3 * 86_400_000 }))
      .map(([offset, length]) => ({ offset, length }));
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 3000 }),
        fc.array(pause, { maxLength: 4 }),
        (start, minutes, raw) => {
          const paused = raw.map((p) => ({
            from: new Date(start.getTime() + p.offset),
            to: new Date(start.getTime() + p.offset + p.length),
          }));
          const end = addWorkingMinutes(newYorkOffice, start, minutes, paused);
          expect(workingMinutesBetween(newYorkOffice, start, end, paused)).toBe(minutes);
        },
      ),
    );
  });

  test("more working time never ends earlier", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (start, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(addWorkingMinutes(berlinOffice, start, low).getTime()).toBeLessThanOrEqual(
          addWorkingMinutes(berlinOffice, start, high).getTime(),
        );
      }),
    );
  });
});
