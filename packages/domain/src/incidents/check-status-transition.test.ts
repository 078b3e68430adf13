import { describe, expect, test } from "vitest";
import { checkStatusTransition } from "./check-status-transition.js";
import { INCIDENT_STATUSES } from "./incident-vocabulary.js";

const OPEN = INCIDENT_STATUSES.filter((s) => s !== "RESOLVED");

describe("checkStatusTransition", () => {
  test.each(OPEN.flatMap((from) => INCIDENT_STATUSES.map((to) => [from, to] as const)))(
    "an open incident may go from %s to %s",
    (from, to) => {
      expect(checkStatusTransition(from, to)).toEqual({ allowed: true });
    },
  );

  test("a failed fix may send a monitored incident back to investigating", () => {
    expect(checkStatusTransition("MONITORING", "INVESTIGATING").allowed).toBe(true);
  });

  test("an incident may be resolved straight from investigating", () => {
    expect(checkStatusTransition("INVESTIGATING", "RESOLVED").allowed).toBe(true);
  });

  test.each(INCIDENT_STATUSES)("a resolved incident cannot move to %s; only reports may follow", (to) => {
    expect(checkStatusTransition("RESOLVED", to)).toEqual({
      allowed: false,
      code: "INCIDENT_RESOLVED",
      reason: expect.stringContaining("incident is resolved; only reports may be published"),
    });
  });
});
