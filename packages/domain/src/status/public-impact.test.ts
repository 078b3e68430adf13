import { describe, expect, test } from "vitest";
import { publicImpact } from "./public-impact.js";
import type { ComponentStatus } from "./status-vocabulary.js";

const update = (sequence: number, statuses: [string, ComponentStatus][]) => ({
  sequence,
  componentStatuses: statuses.map(([componentId, status]) => ({ componentId, status })),
});
const open = (updates: ReturnType<typeof update>[]) => publicImpact({ assessedImpact: null, updates, resolved: false });

describe("publicImpact", () => {
  test("an assessed impact is what customers read, whatever the components say", () => {
    const updates = [update(1, [["api", "MAJOR_OUTAGE"]])];
    expect(publicImpact({ assessedImpact: "MINOR", updates, resolved: false })).toBe("MINOR");
    expect(publicImpact({ assessedImpact: "NONE", updates, resolved: true })).toBe("NONE");
  });

  test("unassessed and with no component status set, the impact is none: the severity presumes nothing publicly", () => {
    expect(open([update(1, [])])).toBe("NONE");
    expect(open([])).toBe("NONE");
  });

  test.each<[ComponentStatus, string]>([
    ["MAJOR_OUTAGE", "CRITICAL"],
    ["PARTIAL_OUTAGE", "MAJOR"],
    ["DEGRADED_PERFORMANCE", "MINOR"],
    ["UNDER_MAINTENANCE", "NONE"],
    ["OPERATIONAL", "NONE"],
  ])("unassessed, a component set to %s reads as %s", (status, impact) => {
    expect(open([update(1, [["api", status]])])).toBe(impact);
  });

  test("while open, the latest status of each component counts and the worst component wins", () => {
    const updates = [
      update(3, [["api", "DEGRADED_PERFORMANCE"]]),
      update(1, [["api", "MAJOR_OUTAGE"]]),
      update(2, [["web", "PARTIAL_OUTAGE"]]),
    ];
    expect(open(updates)).toBe("MAJOR");
  });

  test("once resolved, the worst status the incident set counts, not the return to operational", () => {
    const updates = [
      update(1, [["web", "PARTIAL_OUTAGE"]]),
      update(2, [["web", "DEGRADED_PERFORMANCE"]]),
      update(3, [["web", "OPERATIONAL"]]),
    ];
    expect(publicImpact({ assessedImpact: null, updates, resolved: true })).toBe("MAJOR");
  });
});
