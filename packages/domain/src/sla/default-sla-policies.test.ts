import { describe, expect, test } from "vitest";
import { DEFAULT_SLA_POLICIES } from "./default-sla-policies.js";
import { TICKET_PRIORITIES } from "./ticket-priority.js";
import { validateSlaPolicy } from "./validate-sla-policy.js";

describe("DEFAULT_SLA_POLICIES", () => {
  test("P1 and P2 tickets get a first response within 2 hours, day and night", () => {
    for (const priority of ["P1", "P2"] as const) {
      expect(DEFAULT_SLA_POLICIES[priority]).toMatchObject({ firstResponseMinutes: 120, schedule: { kind: "24x7" } });
    }
  });

  test("P3 and P4 tickets are answered within business hours", () => {
    expect(DEFAULT_SLA_POLICIES.P3.schedule.kind).toBe("BUSINESS_HOURS");
    expect(DEFAULT_SLA_POLICIES.P4.schedule.kind).toBe("BUSINESS_HOURS");
  });

  test("less urgent tickets never get tighter targets than more urgent ones", () => {
    const policies = TICKET_PRIORITIES.map((p) => DEFAULT_SLA_POLICIES[p]);
    for (let i = 1; i < policies.length; i += 1) {
      expect(policies[i]?.firstResponseMinutes).toBeGreaterThanOrEqual(policies[i - 1]?.firstResponseMinutes ?? 0);
    }
  });

  test("every default policy is valid and filed under its own priority", () => {
    for (const priority of TICKET_PRIORITIES) {
      expect(DEFAULT_SLA_POLICIES[priority].priority).toBe(priority);
      expect(validateSlaPolicy(DEFAULT_SLA_POLICIES[priority])).toEqual({ valid: true });
    }
  });
});
