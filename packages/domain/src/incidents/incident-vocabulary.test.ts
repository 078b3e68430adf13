import { expect, test } from "vitest";
import {
  CADENCE_OBLIGATIONS,
  IMPACTS,
  INCIDENT_STATUSES,
  REPORT_KINDS,
  SEVERITIES,
  UPDATE_VISIBILITIES,
} from "./incident-vocabulary.js";

test("the incident enums spell exactly the contract's values, from least to most advanced or severe", () => {
  expect(INCIDENT_STATUSES).toEqual(["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"]);
  expect(SEVERITIES).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
  expect(IMPACTS).toEqual(["NONE", "MINOR", "MAJOR", "CRITICAL"]);
  expect(UPDATE_VISIBILITIES).toEqual(["PUBLIC", "INTERNAL"]);
  expect(CADENCE_OBLIGATIONS).toEqual([
    "IMPACT_ASSESSMENT",
    "STATUS_UPDATE",
    "PRELIMINARY_REPORT",
    "POST_INCIDENT_REPORT",
  ]);
  expect(REPORT_KINDS).toEqual(["PRELIMINARY", "POST_INCIDENT"]);
});
