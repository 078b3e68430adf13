import { expect, test } from "vitest";
import { MAINTENANCE_STATUSES } from "./maintenance-vocabulary.js";

test("a maintenance window has exactly four statuses, in the order they are reached", () => {
  expect(MAINTENANCE_STATUSES).toEqual(["SCHEDULED", "IN_PROGRESS", "COMPLETED", "CANCELLED"]);
});
