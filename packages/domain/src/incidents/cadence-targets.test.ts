import { expect, test } from "vitest";
import {
  IMPACT_ASSESSMENT_WINDOW_MS,
  POST_INCIDENT_REPORT_BUSINESS_DAYS,
  PRELIMINARY_REPORT_BUSINESS_DAYS,
  STATUS_UPDATE_INTERVAL_MS,
} from "./cadence-targets.js";

test("the targets are the ones promised to customers: 5 minutes, 15 minutes, 1 and 5 business days", () => {
  expect(IMPACT_ASSESSMENT_WINDOW_MS).toBe(5 * 60 * 1000);
  expect(STATUS_UPDATE_INTERVAL_MS).toBe(15 * 60 * 1000);
  expect(PRELIMINARY_REPORT_BUSINESS_DAYS).toBe(1);
  expect(POST_INCIDENT_REPORT_BUSINESS_DAYS).toBe(5);
});
