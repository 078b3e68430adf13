import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { rotationTurnAt } from "./rotation-turn.js";

const at = (iso: string) => new Date(iso);
const HOUR = 3600;
const DAY = 24 * HOUR;

describe("rotationTurnAt", () => {
  const weekly = { start: at("2025-01-06T09:00:00Z"), rotationTurnLengthSeconds: 7 * DAY };

  test("a weekly rotation hands off at the same time each week", () => {
    expect(rotationTurnAt(weekly, "UTC", at("2025-01-06T09:00:00Z"))).toBe(0);
    expect(rotationTurnAt(weekly, "UTC", at("2025-01-13T08:59:59Z"))).toBe(0);
    expect(rotationTurnAt(weekly, "UTC", at("2025-01-13T09:00:00Z"))).toBe(1);
    expect(rotationTurnAt(weekly, "UTC", at("2025-01-27T09:00:00Z"))).toBe(3);
  });

  test("nobody's turn has started before the rotation does", () => {
    expect(rotationTurnAt(weekly, "UTC", at("2025-01-06T08:59:59Z"))).toBeNull();
  });

  test("a daily 09:00 handoff stays at 09:00 local when clocks spring forward", () => {
    // New York switches to EDT on Sunday 9 March 2025; 09:00 EDT on Monday is 13:00Z, not 14:00Z.
    const daily = { start: at("2025-03-07T14:00:00Z"), rotationTurnLengthSeconds: DAY };
    expect(rotationTurnAt(daily, "America/New_York", at("2025-03-10T12:59:59Z"))).toBe(2);
    expect(rotationTurnAt(daily, "America/New_York", at("2025-03-10T13:00:00Z"))).toBe(3);
  });

  test("12-hour shifts keep their 08:00 and 20:00 handoffs across DST", () => {
    const shifts = { start: at("2025-03-08T13:00:00Z"), rotationTurnLengthSeconds: 12 * HOUR }; // 08:00 EST
    const zone = "America/New_York";
    expect(rotationTurnAt(shifts, zone, at("2025-03-09T01:00:00Z"))).toBe(1); // 20:00 EST
    expect(rotationTurnAt(shifts, zone, at("2025-03-09T11:59:59Z"))).toBe(1); // the night shift is 11 h long
    expect(rotationTurnAt(shifts, zone, at("2025-03-09T12:00:00Z"))).toBe(2); // 08:00 EDT
    expect(rotationTurnAt(shifts, zone, at("2025-03-10T00:00:00Z"))).toBe(3); // 20:00 EDT
  });

  test("turns that do not divide a day run on elapsed time", () => {
    const fiveHours = { start: at("2025-03-08T13:00:00Z"), rotationTurnLengthSeconds: 5 * HOUR };
    expect(rotationTurnAt(fiveHours, "America/New_York", at("2025-03-09T13:00:00Z"))).toBe(4);
  });

  test("turns never go backwards, whatever the zone and turn length", () => {
    const zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata"];
    const turns = [HOUR, 90 * 60, 5 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];
    const instant = fc.integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2026-01-01T00:00:00Z") });
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...turns),
        instant,
        instant,
        instant,
        (zone, turn, s, a, b) => {
          const layer = { start: new Date(s), rotationTurnLengthSeconds: turn };
          const [early, late] = a <= b ? [a, b] : [b, a];
          const first = rotationTurnAt(layer, zone, new Date(early)) ?? -1;
          const second = rotationTurnAt(layer, zone, new Date(late)) ?? -1;
          expect(second).toBeGreaterThanOrEqual(first);
        },
      ),
    );
  });
});
