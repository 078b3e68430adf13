import { expect, test } from "vitest";
import { COMPONENT_STATUSES, STATUS_INDICATORS } from "./status-vocabulary.js";

test("the status-page enums spell exactly the contract's values", () => {
  expect(COMPONENT_STATUSES).toEqual([
    "OPERATIONAL",
    "DEGRADED_PERFORMANCE",
    "PARTIAL_OUTAGE",
    "MAJOR_OUTAGE",
    "UNDER_MAINTENANCE",
  ]);
  expect(STATUS_INDICATORS).toEqual(["NONE", "MINOR", "MAJOR", "CRITICAL", "MAINTENANCE"]);
});
