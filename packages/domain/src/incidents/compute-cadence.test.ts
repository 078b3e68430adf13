import { describe, expect, test } from "vitest";
import { type BusinessCalendar, UTC_CALENDAR } from "../calendar/index.js";
import type { CadenceInput } from "./cadence-targets.js";
import { computeCadence } from "./compute-cadence.js";
import { publicUpdateTimes } from "./public-update-times.js";

// Monday, March 2, 2026, UTC unless a day is given.
const at = (hhmm: string, day = "2026-03-02") => new Date(`${day}T${hhmm}:00.000Z`);
const justAfter = (instant: Date) => new Date(instant.getTime() + 1);

const anIncident = (overrides: Partial<CadenceInput> = {}): CadenceInput => ({
  reportedAt: at("09:00"),
  impactAssessedAt: null,
  publicUpdateTimes: [],
  resolvedAt: null,
  preliminaryPublishedAt: null,
  postIncidentPublishedAt: null,
  calendar: UTC_CALENDAR,
  ...overrides,
});

describe("computeCadence: impact assessment", () => {
  test("the impact assessment is due 5 minutes after the incident is reported", () => {
    expect(computeCadence(anIncident(), at("09:00")).impactAssessmentDueAt).toEqual(at("09:05"));
  });

  test("the assessment time is passed through", () => {
    expect(computeCadence(anIncident({ impactAssessedAt: at("09:03") }), at("09:10")).impactAssessedAt).toEqual(
      at("09:03"),
    );
  });

  test("an assessment exactly at the deadline is on time", () => {
    expect(computeCadence(anIncident({ impactAssessedAt: at("09:05") }), at("09:10")).overdue).not.toContain(
      "IMPACT_ASSESSMENT",
    );
  });

  test("a missing assessment is not overdue at the deadline itself, but is a millisecond later", () => {
    expect(computeCadence(anIncident(), at("09:05")).overdue).not.toContain("IMPACT_ASSESSMENT");
    expect(computeCadence(anIncident(), justAfter(at("09:05"))).overdue).toContain("IMPACT_ASSESSMENT");
  });

  test("a late assessment is no longer overdue once made (the compliance report records the miss)", () => {
    expect(computeCadence(anIncident({ impactAssessedAt: at("09:07") }), at("09:10")).overdue).not.toContain(
      "IMPACT_ASSESSMENT",
    );
  });

  test("an assessment that never happened stays overdue after resolution", () => {
    const incident = anIncident({
      resolvedAt: at("09:40"),
      publicUpdateTimes: [at("09:10"), at("09:25"), at("09:40")],
    });
    expect(computeCadence(incident, at("10:00")).overdue).toEqual(["IMPACT_ASSESSMENT"]);
  });
});

describe("computeCadence: status updates", () => {
  test("with no public update yet, the first is due 15 minutes after the report", () => {
    expect(computeCadence(anIncident(), at("09:00")).nextUpdateDueAt).toEqual(at("09:15"));
  });

  test("the next update is due 15 minutes after the latest public update", () => {
    const incident = anIncident({ publicUpdateTimes: [at("09:07")] });
    expect(computeCadence(incident, at("09:10")).nextUpdateDueAt).toEqual(at("09:22"));
  });

  test("the latest update counts, whatever order the updates come in", () => {
    const incident = anIncident({
      publicUpdateTimes: [at("09:20"), at("09:07")],
    });
    expect(computeCadence(incident, at("09:25")).nextUpdateDueAt).toEqual(at("09:35"));
  });

  test("an internal update does not reset the clock", () => {
    const updates = [
      { createdAt: at("09:07"), visibility: "PUBLIC" as const },
      { createdAt: at("09:20"), visibility: "INTERNAL" as const },
    ];
    const cadence = computeCadence(anIncident({ publicUpdateTimes: publicUpdateTimes(updates) }), at("09:23"));
    expect(cadence.nextUpdateDueAt).toEqual(at("09:22"));
    expect(cadence.overdue).toContain("STATUS_UPDATE");
  });

  test("an update is not overdue at the deadline itself, but is a millisecond later", () => {
    const incident = anIncident({ impactAssessedAt: at("09:02") });
    expect(computeCadence(incident, at("09:15")).overdue).toEqual([]);
    expect(computeCadence(incident, justAfter(at("09:15"))).overdue).toEqual(["STATUS_UPDATE"]);
  });

  test("a fresh public update clears an overdue update", () => {
    const incident = anIncident({
      impactAssessedAt: at("09:02"),
      publicUpdateTimes: [at("09:30")],
    });
    expect(computeCadence(incident, at("09:31")).overdue).toEqual([]);
  });

  test("no update is due once the incident is resolved", () => {
    const cadence = computeCadence(anIncident({ impactAssessedAt: at("09:02"), resolvedAt: at("09:50") }), at("09:55"));
    expect(cadence.nextUpdateDueAt).toBeNull();
    expect(cadence.overdue).not.toContain("STATUS_UPDATE");
  });
});

describe("computeCadence: reports", () => {
  test("report deadlines are unknown until the incident is resolved", () => {
    const cadence = computeCadence(anIncident(), at("09:00"));
    expect(cadence.preliminaryReportDueAt).toBeNull();
    expect(cadence.postIncidentReportDueAt).toBeNull();
  });

  test("the preliminary report is due at the end of the next business day, the post-incident report at the end of the 5th", () => {
    const cadence = computeCadence(anIncident({ resolvedAt: at("10:00", "2026-03-03") }), at("10:00", "2026-03-03"));
    expect(cadence.preliminaryReportDueAt).toEqual(new Date("2026-03-04T23:59:59.999Z"));
    expect(cadence.postIncidentReportDueAt).toEqual(new Date("2026-03-10T23:59:59.999Z"));
  });

  test("a Friday resolution makes the preliminary report due at the end of Monday", () => {
    const cadence = computeCadence(anIncident({ resolvedAt: at("16:00", "2026-03-06") }), at("16:00", "2026-03-06"));
    expect(cadence.preliminaryReportDueAt).toEqual(new Date("2026-03-09T23:59:59.999Z"));
    expect(cadence.postIncidentReportDueAt).toEqual(new Date("2026-03-13T23:59:59.999Z"));
  });

  test("a holiday-laden week: Christmas in Berlin with the office closed on the 24th and 31st", () => {
    const berlin: BusinessCalendar = {
      timezone: "Europe/Berlin",
      holidayRegion: "DE",
      holidays: ["2026-12-24", "2026-12-31"],
    };
    const resolvedAt = new Date("2026-12-23T15:00:00Z");
    const cadence = computeCadence(anIncident({ reportedAt: resolvedAt, resolvedAt, calendar: berlin }), resolvedAt);
    // 24th closed, 25th and 26th public holidays, weekend: Monday the 28th.
    expect(cadence.preliminaryReportDueAt).toEqual(new Date("2026-12-28T22:59:59.999Z"));
    // 28th, 29th, 30th, then the 31st closed and New Year's Day: January 4th and 5th.
    expect(cadence.postIncidentReportDueAt).toEqual(new Date("2027-01-05T22:59:59.999Z"));
  });

  test("the resolution's local date counts: 20:00 on Friday in New York is Saturday in UTC", () => {
    const newYork: BusinessCalendar = {
      timezone: "America/New_York",
      holidays: [],
    };
    const resolvedAt = new Date("2026-03-07T01:00:00Z");
    const cadence = computeCadence(anIncident({ reportedAt: resolvedAt, resolvedAt, calendar: newYork }), resolvedAt);
    expect(cadence.preliminaryReportDueAt).toEqual(new Date("2026-03-10T03:59:59.999Z"));
  });

  test("a report is overdue after its deadline until it is published", () => {
    const resolved = anIncident({
      impactAssessedAt: at("09:02"),
      resolvedAt: at("10:00"),
    });
    const dayAfter = new Date("2026-03-03T23:59:59.999Z");
    expect(computeCadence(resolved, dayAfter).overdue).toEqual([]);
    expect(computeCadence(resolved, justAfter(dayAfter)).overdue).toEqual(["PRELIMINARY_REPORT"]);
    expect(computeCadence(resolved, at("12:00", "2026-03-20")).overdue).toEqual([
      "PRELIMINARY_REPORT",
      "POST_INCIDENT_REPORT",
    ]);
  });

  test("a late report is no longer overdue once published", () => {
    const incident = anIncident({
      impactAssessedAt: at("09:02"),
      resolvedAt: at("10:00"),
      preliminaryPublishedAt: at("09:00", "2026-03-05"),
    });
    expect(computeCadence(incident, at("10:00", "2026-03-05")).overdue).toEqual([]);
  });

  test("a report published exactly at its deadline is on time", () => {
    const deadline = new Date("2026-03-03T23:59:59.999Z");
    const incident = anIncident({
      impactAssessedAt: at("09:02"),
      resolvedAt: at("10:00"),
      preliminaryPublishedAt: deadline,
    });
    expect(computeCadence(incident, at("12:00", "2026-03-04")).overdue).toEqual([]);
  });

  test("publishing the post-incident report also meets the preliminary obligation", () => {
    const incident = anIncident({
      impactAssessedAt: at("09:02"),
      resolvedAt: at("10:00"),
      postIncidentPublishedAt: at("15:00"),
    });
    expect(computeCadence(incident, at("12:00", "2026-03-20")).overdue).toEqual([]);
  });

  test("publishing the preliminary report does not meet the post-incident obligation", () => {
    const incident = anIncident({
      impactAssessedAt: at("09:02"),
      resolvedAt: at("10:00"),
      preliminaryPublishedAt: at("15:00"),
    });
    expect(computeCadence(incident, at("12:00", "2026-03-20")).overdue).toEqual(["POST_INCIDENT_REPORT"]);
  });
});

describe("computeCadence: overdue", () => {
  test("nothing is overdue when the incident has just been reported", () => {
    expect(computeCadence(anIncident(), at("09:00")).overdue).toEqual([]);
  });

  test("overdue obligations are listed in the contract's order", () => {
    expect(computeCadence(anIncident(), at("10:00")).overdue).toEqual(["IMPACT_ASSESSMENT", "STATUS_UPDATE"]);
    const resolved = anIncident({ resolvedAt: at("10:00") });
    expect(computeCadence(resolved, at("12:00", "2026-03-20")).overdue).toEqual([
      "IMPACT_ASSESSMENT",
      "PRELIMINARY_REPORT",
      "POST_INCIDENT_REPORT",
    ]);
  });
});
