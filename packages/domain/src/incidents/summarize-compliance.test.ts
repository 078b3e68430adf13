import { describe, expect, test } from "vitest";
import type { ObligationInstance } from "./cadence-compliance.js";
import { summarizeCompliance } from "./summarize-compliance.js";

const due = new Date("2026-03-02T09:15:00Z");
const instance = (
  obligation: ObligationInstance["obligation"],
  state: ObligationInstance["state"],
): ObligationInstance => ({
  obligation,
  dueAt: due,
  metAt: state === "PENDING" ? null : due,
  state,
});

describe("summarizeCompliance", () => {
  test("counts met, missed and pending per obligation, and the share met of those decided", () => {
    const summary = summarizeCompliance([
      instance("STATUS_UPDATE", "MET"),
      instance("STATUS_UPDATE", "MET"),
      instance("STATUS_UPDATE", "MET"),
      instance("STATUS_UPDATE", "MISSED"),
      instance("STATUS_UPDATE", "PENDING"),
      instance("IMPACT_ASSESSMENT", "MISSED"),
    ]);
    expect(summary.STATUS_UPDATE).toEqual({
      total: 5,
      met: 3,
      missed: 1,
      pending: 1,
      shareMet: 0.75,
    });
    expect(summary.IMPACT_ASSESSMENT).toEqual({
      total: 1,
      met: 0,
      missed: 1,
      pending: 0,
      shareMet: 0,
    });
  });

  test("an obligation with nothing decided yet has no share rather than 0%", () => {
    expect(summarizeCompliance([instance("PRELIMINARY_REPORT", "PENDING")]).PRELIMINARY_REPORT).toEqual({
      total: 1,
      met: 0,
      missed: 0,
      pending: 1,
      shareMet: null,
    });
  });

  test("every obligation appears in the report, even with no instances", () => {
    expect(summarizeCompliance([])).toEqual({
      IMPACT_ASSESSMENT: {
        total: 0,
        met: 0,
        missed: 0,
        pending: 0,
        shareMet: null,
      },
      STATUS_UPDATE: {
        total: 0,
        met: 0,
        missed: 0,
        pending: 0,
        shareMet: null,
      },
      PRELIMINARY_REPORT: {
        total: 0,
        met: 0,
        missed: 0,
        pending: 0,
        shareMet: null,
      },
      POST_INCIDENT_REPORT: {
        total: 0,
        met: 0,
        missed: 0,
        pending: 0,
        shareMet: null,
      },
    });
  });

  test("instances from many incidents add up", () => {
    const first = [instance("POST_INCIDENT_REPORT", "MET")];
    const second = [instance("POST_INCIDENT_REPORT", "MISSED")];
    expect(summarizeCompliance([...first, ...second]).POST_INCIDENT_REPORT.shareMet).toBe(0.5);
  });
});
