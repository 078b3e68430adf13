import { describe, expect, test } from "vitest";
import type { Schedule } from "./schedule.js";
import { validateSchedule } from "./validate-schedule.js";

const at = (iso: string) => new Date(iso);
const valid: Schedule = {
  timezone: "Europe/Dublin",
  layers: [
    {
      name: "Primary",
      start: at("2025-01-06T09:00:00Z"),
      rotationTurnLengthSeconds: 604_800,
      users: ["ana", "ben"],
      restrictions: [{ weekday: 1, startTimeOfDay: "09:00", durationSeconds: 5 * 86_400 }],
    },
  ],
  overrides: [{ userId: "dee", start: at("2025-01-07T09:00:00Z"), end: at("2025-01-07T17:00:00Z") }],
};

describe("validateSchedule", () => {
  test("a well-formed schedule is valid", () => {
    expect(validateSchedule(valid)).toEqual({ valid: true });
  });

  test("a schedule needs at least one layer", () => {
    expect(validateSchedule({ ...valid, layers: [] })).toEqual({ valid: false, problems: [{ code: "NO_LAYERS" }] });
  });

  test("lists every problem with its layers and overrides", () => {
    const broken: Schedule = {
      timezone: "Nowhere/Special",
      layers: [
        { name: "A", start: at("2025-01-06T09:00:00Z"), rotationTurnLengthSeconds: 0, users: [] },
        {
          name: "A",
          start: at("2025-01-06T09:00:00Z"),
          end: at("2025-01-01T00:00:00Z"),
          rotationTurnLengthSeconds: 86_400,
          users: ["ana"],
          restrictions: [
            { startTimeOfDay: "25:00", durationSeconds: 2 * 86_400 },
            { weekday: 8 as 1, startTimeOfDay: "09:00", durationSeconds: 3600 },
          ],
        },
      ],
      overrides: [{ userId: " ", start: at("2025-01-07T17:00:00Z"), end: at("2025-01-07T09:00:00Z") }],
    };
    expect(validateSchedule(broken)).toEqual({
      valid: false,
      problems: [
        { code: "INVALID_TIMEZONE", timezone: "Nowhere/Special" },
        { code: "NO_USERS", layer: "A" },
        { code: "NON_POSITIVE_TURN_LENGTH", layer: "A", seconds: 0 },
        { code: "DUPLICATE_LAYER_NAME", layer: "A" },
        { code: "LAYER_ENDS_BEFORE_START", layer: "A" },
        { code: "INVALID_RESTRICTION_TIME", layer: "A", value: "25:00" },
        { code: "INVALID_RESTRICTION_DURATION", layer: "A", durationSeconds: 172_800, maxSeconds: 86_400 },
        { code: "INVALID_RESTRICTION_WEEKDAY", layer: "A", weekday: 8 },
        { code: "OVERRIDE_WITHOUT_USER", index: 0 },
        { code: "OVERRIDE_ENDS_BEFORE_START", index: 0 },
      ],
    });
  });

  test.each(["+02:00", "UTC+2"])("refuses the fixed offset %s, as every other time zone field does", (timezone) => {
    expect(validateSchedule({ ...valid, timezone })).toEqual({
      valid: false,
      problems: [{ code: "INVALID_TIMEZONE", timezone }],
    });
  });
});
