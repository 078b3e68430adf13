import { describe, expect, test } from "vitest";
import { statusAfterMaintenance } from "./status-after-maintenance.js";

const base = { current: "UNDER_MAINTENANCE", otherMaintenanceInProgress: false, openIncident: false } as const;

describe("statusAfterMaintenance", () => {
  test("an operational component returns to operational", () => {
    expect(statusAfterMaintenance({ ...base, before: "OPERATIONAL" })).toBe("OPERATIONAL");
  });
  test("a degraded component held by an open incident returns to degraded", () => {
    expect(statusAfterMaintenance({ ...base, before: "DEGRADED_PERFORMANCE", openIncident: true })).toBe(
      "DEGRADED_PERFORMANCE",
    );
  });
  test("a degraded component whose incident was resolved during the window returns to operational", () => {
    expect(statusAfterMaintenance({ ...base, before: "PARTIAL_OUTAGE", openIncident: false })).toBe("OPERATIONAL");
  });
  test("a component someone moved out of maintenance during the window is left alone", () => {
    expect(statusAfterMaintenance({ ...base, current: "MAJOR_OUTAGE", before: "OPERATIONAL" })).toBeNull();
  });
  test("a component another window still covers stays under maintenance", () => {
    expect(statusAfterMaintenance({ ...base, before: "OPERATIONAL", otherMaintenanceInProgress: true })).toBeNull();
  });
  test("a component that was already under maintenance comes back operational, not stuck", () => {
    expect(statusAfterMaintenance({ ...base, before: "UNDER_MAINTENANCE" })).toBe("OPERATIONAL");
  });
});
