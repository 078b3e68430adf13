import { describe, expect, test } from "vitest";
import type { EscalationPolicy } from "./escalation-policy.js";
import { validateEscalationPolicy } from "./validate-escalation-policy.js";

const policy: EscalationPolicy = {
  levels: [
    { timeoutMinutes: 30, targets: [{ kind: "schedule", scheduleId: "support-primary" }] },
    { timeoutMinutes: 30, targets: [{ kind: "user", userId: "manager-mia" }] },
  ],
  repeats: 2,
};

describe("validateEscalationPolicy", () => {
  test("a well-formed policy is valid", () => {
    expect(validateEscalationPolicy(policy, new Set(["support-primary"]))).toEqual({ valid: true });
  });

  test("a policy must have levels", () => {
    expect(validateEscalationPolicy({ levels: [], repeats: 0 })).toEqual({
      valid: false,
      problems: [{ code: "NO_LEVELS" }],
    });
  });

  test("lists every problem, naming levels from 1", () => {
    const broken: EscalationPolicy = {
      levels: [
        { timeoutMinutes: 0.5, targets: [] },
        {
          timeoutMinutes: 10,
          targets: [
            { kind: "user", userId: "" },
            { kind: "schedule", scheduleId: "gone" },
          ],
        },
      ],
      repeats: 10,
    };
    expect(validateEscalationPolicy(broken, new Set(["support-primary"]))).toEqual({
      valid: false,
      problems: [
        { code: "NO_TARGETS", level: 1 },
        { code: "TIMEOUT_TOO_SHORT", level: 1, timeoutMinutes: 0.5 },
        { code: "EMPTY_TARGET_ID", level: 2 },
        { code: "UNKNOWN_SCHEDULE", level: 2, scheduleId: "gone" },
        { code: "INVALID_REPEATS", repeats: 10, max: 9 },
      ],
    });
  });

  test("repeats must be a whole, non-negative number", () => {
    expect(validateEscalationPolicy({ ...policy, repeats: -1 })).toMatchObject({ valid: false });
    expect(validateEscalationPolicy({ ...policy, repeats: 1.5 })).toMatchObject({ valid: false });
  });

  test("schedules are not checked when the caller knows none", () => {
    expect(
      validateEscalationPolicy({
        ...policy,
        levels: [{ timeoutMinutes: 5, targets: [{ kind: "schedule", scheduleId: "x" }] }],
      }),
    ).toEqual({
      valid: true,
    });
  });
});
