import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Layer, Schedule } from "./schedule.js";
import { whoIsOnCall } from "./who-is-on-call.js";

const at = (iso: string) => new Date(iso);
const DAY = 86_400;

const weekdays: Layer = {
  name: "Weekly",
  start: at("2025-01-06T09:00:00Z"),
  rotationTurnLengthSeconds: 7 * DAY,
  users: ["ana", "ben"],
};
const weekend: Layer = {
  name: "Weekend",
  start: at("2025-01-03T00:00:00Z"),
  rotationTurnLengthSeconds: 7 * DAY,
  users: ["wes"],
  restrictions: [{ weekday: 6, startTimeOfDay: "00:00", durationSeconds: 2 * DAY }],
};
const support: Schedule = { timezone: "Europe/London", layers: [weekdays, weekend], overrides: [] };

describe("whoIsOnCall", () => {
  test("the rotation's current user is on call", () => {
    expect(whoIsOnCall(support, at("2025-01-08T12:00:00Z"))).toEqual({ userId: "ana", source: { layer: "Weekly" } });
    expect(whoIsOnCall(support, at("2025-01-15T12:00:00Z"))).toEqual({ userId: "ben", source: { layer: "Weekly" } });
  });

  test("a later layer takes over where it has someone on call", () => {
    expect(whoIsOnCall(support, at("2025-01-11T12:00:00Z"))).toEqual({ userId: "wes", source: { layer: "Weekend" } });
    expect(whoIsOnCall(support, at("2025-01-13T00:00:00Z"))).toEqual({ userId: "ana", source: { layer: "Weekly" } });
  });

  test("an override beats every layer, until it ends", () => {
    const covered: Schedule = {
      ...support,
      overrides: [{ userId: "dee", start: at("2025-01-11T10:00:00Z"), end: at("2025-01-11T14:00:00Z") }],
    };
    expect(whoIsOnCall(covered, at("2025-01-11T13:59:59Z"))).toEqual({ userId: "dee", source: "override" });
    expect(whoIsOnCall(covered, at("2025-01-11T14:00:00Z"))).toEqual({ userId: "wes", source: { layer: "Weekend" } });
  });

  test("of two overlapping overrides, the one listed last wins", () => {
    const twice: Schedule = {
      ...support,
      overrides: [
        { userId: "dee", start: at("2025-01-08T00:00:00Z"), end: at("2025-01-09T00:00:00Z") },
        { userId: "eli", start: at("2025-01-08T12:00:00Z"), end: at("2025-01-08T13:00:00Z") },
      ],
    };
    expect(whoIsOnCall(twice, at("2025-01-08T12:30:00Z"))).toMatchObject({ userId: "eli" });
    expect(whoIsOnCall(twice, at("2025-01-08T13:30:00Z"))).toMatchObject({ userId: "dee" });
  });

  test("nobody is on call before any layer starts", () => {
    expect(whoIsOnCall({ ...support, layers: [weekdays] }, at("2025-01-05T12:00:00Z"))).toBeNull();
  });

  const instant = fc
    .integer({ min: Date.parse("2024-06-01T00:00:00Z"), max: Date.parse("2026-06-01T00:00:00Z") })
    .map((ms) => new Date(ms));
  const user = fc.constantFrom("ana", "ben", "chloé", "dee", "eli", "fay");
  const layerArb = fc.record({
    name: fc.string({ minLength: 1, maxLength: 8 }),
    start: instant,
    rotationTurnLengthSeconds: fc.constantFrom(3600, 8 * 3600, 12 * 3600, DAY, 7 * DAY, 5 * 3600),
    users: fc.array(user, { minLength: 1, maxLength: 4 }),
    restrictions: fc.array(
      fc.record({
        weekday: fc.constantFrom(1, 2, 3, 4, 5, 6, 7 as const),
        startTimeOfDay: fc.constantFrom("00:00", "09:00", "17:30", "22:00"),
        durationSeconds: fc.integer({ min: 1, max: 7 * DAY }),
      }),
      { maxLength: 2 },
    ),
  });
  const overrideArb = fc
    .tuple(user, instant, fc.integer({ min: 1, max: 3 * DAY }))
    .map(([userId, start, seconds]) => ({ userId, start, end: new Date(start.getTime() + seconds * 1000) }));
  const scheduleArb = fc.record({
    timezone: fc.constantFrom("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"),
    layers: fc.array(layerArb, { minLength: 1, maxLength: 3 }),
    overrides: fc.array(overrideArb, { maxLength: 3 }),
  });

  test("whoever is on call belongs to the layer or override named as the source", () => {
    fc.assert(
      fc.property(scheduleArb, instant, (schedule, when) => {
        const onCall = whoIsOnCall(schedule, when);
        if (onCall === null) return;
        const pool =
          onCall.source === "override"
            ? schedule.overrides.map((o) => o.userId)
            : schedule.layers
                .filter((l) => typeof onCall.source !== "string" && l.name === onCall.source.layer)
                .flatMap((l) => l.users);
        expect(pool).toContain(onCall.userId);
      }),
    );
  });

  test("an unrestricted layer that has started always has someone on call", () => {
    fc.assert(
      fc.property(scheduleArb, instant, (schedule, when) => {
        const always: Layer = {
          name: "Base",
          start: new Date(when.getTime() - 1000),
          rotationTurnLengthSeconds: DAY,
          users: ["ana"],
        };
        expect(whoIsOnCall({ ...(schedule as Schedule), layers: [always, ...schedule.layers] }, when)).not.toBeNull();
      }),
    );
  });
});
