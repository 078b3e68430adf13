import { describe, expect, test } from "vitest";
import { checkMaintenanceTransition } from "./check-maintenance-transition.js";
import type { MaintenanceAction, MaintenanceStatus } from "./maintenance-vocabulary.js";

describe("checkMaintenanceTransition", () => {
  test.each<[MaintenanceStatus, MaintenanceAction, MaintenanceStatus]>([
    ["SCHEDULED", "START", "IN_PROGRESS"],
    ["SCHEDULED", "CANCEL", "CANCELLED"],
    ["SCHEDULED", "UPDATE", "SCHEDULED"],
    ["IN_PROGRESS", "COMPLETE", "COMPLETED"],
    ["IN_PROGRESS", "UPDATE", "IN_PROGRESS"],
  ])("a %s window may be told to %s and becomes %s", (from, action, to) => {
    expect(checkMaintenanceTransition(from, action)).toMatchObject({ allowed: true, to });
  });

  test.each<[MaintenanceStatus, MaintenanceAction]>([
    ["SCHEDULED", "COMPLETE"],
    ["IN_PROGRESS", "START"],
    ["IN_PROGRESS", "CANCEL"],
    ["COMPLETED", "UPDATE"],
    ["COMPLETED", "START"],
    ["COMPLETED", "CANCEL"],
    ["CANCELLED", "START"],
    ["CANCELLED", "UPDATE"],
    ["CANCELLED", "COMPLETE"],
  ])("a %s window refuses %s, saying why", (from, action) => {
    const decision = checkMaintenanceTransition(from, action);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(/cannot be/);
  });

  test("components can be changed only before the window starts", () => {
    expect(checkMaintenanceTransition("SCHEDULED", "UPDATE")).toMatchObject({ componentsEditable: true });
    expect(checkMaintenanceTransition("IN_PROGRESS", "UPDATE")).toMatchObject({ componentsEditable: false });
  });
});
