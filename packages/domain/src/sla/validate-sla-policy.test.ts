import { describe, expect, test } from "vitest";
import { isValidTimeZone } from "../calendar/is-valid-time-zone.js";
import type { SlaPolicy } from "./sla-policy.js";
import { validateSlaPolicy } from "./validate-sla-policy.js";

const policy = (overrides: Partial<SlaPolicy> = {}): SlaPolicy => ({
  priority: "P3",
  firstResponseMinutes: 480,
  nextResponseMinutes: 960,
  schedule: {
    kind: "BUSINESS_HOURS",
    timezone: "Europe/Paris",
    weekly: [{ weekday: 1, start: "09:00", end: "17:00" }],
    holidays: ["2025-12-25"],
  },
  ...overrides,
});

describe("validateSlaPolicy", () => {
  test("a well-formed policy is valid", () => {
    expect(validateSlaPolicy(policy())).toEqual({ valid: true });
  });

  test("targets must be positive", () => {
    expect(validateSlaPolicy(policy({ firstResponseMinutes: 0, nextResponseMinutes: Number.NaN }))).toEqual({
      valid: false,
      problems: [
        { code: "NON_POSITIVE_TARGET", field: "firstResponseMinutes", value: 0 },
        { code: "NON_POSITIVE_TARGET", field: "nextResponseMinutes", value: Number.NaN },
      ],
    });
  });

  test("lists every problem in a broken business-hours schedule", () => {
    const result = validateSlaPolicy(
      policy({
        schedule: {
          kind: "BUSINESS_HOURS",
          timezone: "Europe/Atlantis",
          weekly: [
            { weekday: 1, start: "17:00", end: "09:00" },
            { weekday: 2, start: "9am", end: "17:00" },
          ],
          holidays: ["25/12/2025"],
        },
      }),
    );
    expect(result).toEqual({
      valid: false,
      problems: [
        { code: "INVALID_TIMEZONE", timezone: "Europe/Atlantis" },
        { code: "EMPTY_RANGE", weekday: 1, start: "17:00", end: "09:00" },
        { code: "INVALID_TIME_OF_DAY", value: "9am" },
        { code: "NO_WORKING_HOURS" },
        { code: "INVALID_HOLIDAY", value: "25/12/2025" },
      ],
    });
  });

  test("holidays are dates that exist, read by the same rule as the organization's holidays", () => {
    const schedule = {
      kind: "BUSINESS_HOURS" as const,
      timezone: "UTC",
      weekly: [{ weekday: 1 as const, start: "09:00", end: "17:00" }],
      holidays: ["2024-02-29", "2025-02-29", "2025-1-01"],
    };
    expect(validateSlaPolicy(policy({ schedule }))).toEqual({
      valid: false,
      problems: [
        { code: "INVALID_HOLIDAY", value: "2025-02-29" },
        { code: "INVALID_HOLIDAY", value: "2025-1-01" },
      ],
    });
  });

  test("a range may run until midnight", () => {
    const evening = policy({
      schedule: {
        kind: "BUSINESS_HOURS",
        timezone: "UTC",
        weekly: [{ weekday: 5, start: "18:00", end: "24:00" }],
        holidays: [],
      },
    });
    expect(validateSlaPolicy(evening)).toEqual({ valid: true });
  });

  test("an around-the-clock policy has no schedule to get wrong", () => {
    expect(validateSlaPolicy(policy({ schedule: { kind: "24x7" } }))).toEqual({ valid: true });
  });

  test.each(["+02:00", "-0500", "UTC+2"])(
    "regression: updateSlaPolicy took %s although createAccount refused it; both now refuse fixed offsets",
    (timezone) => {
      const schedule = {
        kind: "BUSINESS_HOURS" as const,
        timezone,
        weekly: [{ weekday: 1 as const, start: "09:00", end: "17:00" }],
        holidays: [],
      };
      expect(isValidTimeZone(timezone)).toBe(false);
      expect(validateSlaPolicy(policy({ schedule }))).toEqual({
        valid: false,
        problems: [{ code: "INVALID_TIMEZONE", timezone }],
      });
    },
  );
});
