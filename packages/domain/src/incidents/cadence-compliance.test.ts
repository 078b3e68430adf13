import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { UTC_CALENDAR } from "../calendar/index.js";
import { cadenceCompliance, type ObligationInstance } from "./cadence-compliance.js";
import type { CadenceInput } from "./cadence-targets.js";
import { computeCadence } from "./compute-cadence.js";
import { publicUpdateTimes } from "./public-update-times.js";

// Monday, March 2, 2026, UTC unless a day is given.
const at = (hhmm: string, day = "2026-03-02") => new Date(`${day}T${hhmm}:00.000Z`);

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

const statusUpdates = (instances: ObligationInstance[]) =>
  instances.filter((i) => i.obligation === "STATUS_UPDATE").map(({ dueAt, metAt, state }) => ({ dueAt, metAt, state }));
const only = (instances: ObligationInstance[], obligation: ObligationInstance["obligation"]) =>
  instances.filter((i) => i.obligation === obligation);

describe("cadenceCompliance: impact assessment", () => {
  test("an assessment within 5 minutes is met", () => {
    expect(
      only(cadenceCompliance(anIncident({ impactAssessedAt: at("09:04") }), at("10:00")), "IMPACT_ASSESSMENT"),
    ).toEqual([
      {
        obligation: "IMPACT_ASSESSMENT",
        dueAt: at("09:05"),
        metAt: at("09:04"),
        state: "MET",
      },
    ]);
  });

  test("an assessment exactly at 5 minutes is met", () => {
    expect(
      only(cadenceCompliance(anIncident({ impactAssessedAt: at("09:05") }), at("10:00")), "IMPACT_ASSESSMENT")[0]
        ?.state,
    ).toBe("MET");
  });

  test("a late assessment is missed, with the time it finally came", () => {
    expect(
      only(cadenceCompliance(anIncident({ impactAssessedAt: at("09:07") }), at("10:00")), "IMPACT_ASSESSMENT"),
    ).toEqual([
      {
        obligation: "IMPACT_ASSESSMENT",
        dueAt: at("09:05"),
        metAt: at("09:07"),
        state: "MISSED",
      },
    ]);
  });

  test("no assessment yet is pending before the deadline and missed after it", () => {
    expect(only(cadenceCompliance(anIncident(), at("09:05")), "IMPACT_ASSESSMENT")[0]).toMatchObject({
      metAt: null,
      state: "PENDING",
    });
    expect(only(cadenceCompliance(anIncident(), at("09:06")), "IMPACT_ASSESSMENT")[0]).toMatchObject({
      metAt: null,
      state: "MISSED",
    });
  });
});

describe("cadenceCompliance: status updates", () => {
  test("updates every 15 minutes or sooner meet every window, the resolution closing the last", () => {
    const incident = anIncident({
      publicUpdateTimes: [at("09:10"), at("09:24"), at("09:30")],
      resolvedAt: at("09:30"),
    });
    expect(statusUpdates(cadenceCompliance(incident, at("10:00")))).toEqual([
      { dueAt: at("09:15"), metAt: at("09:10"), state: "MET" },
      { dueAt: at("09:25"), metAt: at("09:24"), state: "MET" },
      { dueAt: at("09:39"), metAt: at("09:30"), state: "MET" },
    ]);
  });

  test("an update exactly 15 minutes after the last one is on time", () => {
    const incident = anIncident({
      publicUpdateTimes: [at("09:15"), at("09:30")],
    });
    expect(statusUpdates(cadenceCompliance(incident, at("09:30"))).map((w) => w.state)).toEqual([
      "MET",
      "MET",
      "PENDING",
    ]);
  });

  test("a 50-minute silence is one missed update, not three", () => {
    const incident = anIncident({
      publicUpdateTimes: [at("09:10"), at("10:00")],
    });
    expect(statusUpdates(cadenceCompliance(incident, at("10:05")))).toEqual([
      { dueAt: at("09:15"), metAt: at("09:10"), state: "MET" },
      { dueAt: at("09:25"), metAt: at("10:00"), state: "MISSED" },
      { dueAt: at("10:15"), metAt: null, state: "PENDING" },
    ]);
  });

  test("an update still outstanding past its deadline is missed, and stays one miss when it comes", () => {
    const before = statusUpdates(cadenceCompliance(anIncident({ publicUpdateTimes: [at("09:10")] }), at("09:40")));
    expect(before.at(-1)).toEqual({
      dueAt: at("09:25"),
      metAt: null,
      state: "MISSED",
    });
    const after = statusUpdates(
      cadenceCompliance(anIncident({ publicUpdateTimes: [at("09:10"), at("09:50")] }), at("09:50")),
    );
    expect(after.filter((w) => w.state === "MISSED")).toEqual([
      { dueAt: at("09:25"), metAt: at("09:50"), state: "MISSED" },
    ]);
  });

  test("an internal update does not meet a window", () => {
    const updates = [
      { createdAt: at("09:10"), visibility: "INTERNAL" as const },
      { createdAt: at("09:20"), visibility: "PUBLIC" as const },
    ];
    expect(
      statusUpdates(cadenceCompliance(anIncident({ publicUpdateTimes: publicUpdateTimes(updates) }), at("09:20"))),
    ).toEqual([
      { dueAt: at("09:15"), metAt: at("09:20"), state: "MISSED" },
      { dueAt: at("09:35"), metAt: null, state: "PENDING" },
    ]);
  });

  test("a resolution within 15 minutes meets the window even without a public update", () => {
    expect(statusUpdates(cadenceCompliance(anIncident({ resolvedAt: at("09:12") }), at("10:00")))).toEqual([
      { dueAt: at("09:15"), metAt: at("09:12"), state: "MET" },
    ]);
  });

  test("a resolution after a long silence is a missed update", () => {
    expect(statusUpdates(cadenceCompliance(anIncident({ resolvedAt: at("09:40") }), at("10:00")))).toEqual([
      { dueAt: at("09:15"), metAt: at("09:40"), state: "MISSED" },
    ]);
  });

  test("the resolving public update and the resolution are one event, not two windows", () => {
    const incident = anIncident({
      publicUpdateTimes: [at("09:10")],
      resolvedAt: at("09:10"),
    });
    expect(statusUpdates(cadenceCompliance(incident, at("10:00")))).toEqual([
      { dueAt: at("09:15"), metAt: at("09:10"), state: "MET" },
    ]);
  });

  test("an update posted with the report itself opens no window of its own", () => {
    const incident = anIncident({
      publicUpdateTimes: [at("09:00"), at("09:14")],
    });
    expect(statusUpdates(cadenceCompliance(incident, at("09:14")))).toEqual([
      { dueAt: at("09:15"), metAt: at("09:14"), state: "MET" },
      { dueAt: at("09:29"), metAt: null, state: "PENDING" },
    ]);
  });

  test("no window stays open once the incident is resolved", () => {
    const incident = anIncident({
      publicUpdateTimes: [at("09:10")],
      resolvedAt: at("09:20"),
    });
    expect(statusUpdates(cadenceCompliance(incident, at("12:00"))).every((w) => w.metAt !== null)).toBe(true);
  });
});

describe("cadenceCompliance: reports", () => {
  test("an open incident owes no reports yet", () => {
    const obligations = cadenceCompliance(anIncident(), at("10:00")).map((i) => i.obligation);
    expect(obligations).not.toContain("PRELIMINARY_REPORT");
    expect(obligations).not.toContain("POST_INCIDENT_REPORT");
  });

  test("reports are pending until their deadlines, then missed if unpublished", () => {
    const resolved = anIncident({ resolvedAt: at("10:00") });
    const pending = cadenceCompliance(resolved, at("12:00"));
    expect(only(pending, "PRELIMINARY_REPORT")).toEqual([
      {
        obligation: "PRELIMINARY_REPORT",
        dueAt: new Date("2026-03-03T23:59:59.999Z"),
        metAt: null,
        state: "PENDING",
      },
    ]);
    expect(only(pending, "POST_INCIDENT_REPORT")).toEqual([
      {
        obligation: "POST_INCIDENT_REPORT",
        dueAt: new Date("2026-03-09T23:59:59.999Z"),
        metAt: null,
        state: "PENDING",
      },
    ]);
    const late = cadenceCompliance(resolved, at("12:00", "2026-03-10"));
    expect([...only(late, "PRELIMINARY_REPORT"), ...only(late, "POST_INCIDENT_REPORT")].map((i) => i.state)).toEqual([
      "MISSED",
      "MISSED",
    ]);
  });

  test("reports published by their deadlines are met; a late one is missed with its publication time", () => {
    const incident = anIncident({
      resolvedAt: at("10:00"),
      preliminaryPublishedAt: new Date("2026-03-03T23:59:59.999Z"),
      postIncidentPublishedAt: at("08:00", "2026-03-10"),
    });
    const instances = cadenceCompliance(incident, at("12:00", "2026-03-20"));
    expect(only(instances, "PRELIMINARY_REPORT")[0]).toMatchObject({
      metAt: new Date("2026-03-03T23:59:59.999Z"),
      state: "MET",
    });
    expect(only(instances, "POST_INCIDENT_REPORT")[0]).toMatchObject({
      metAt: at("08:00", "2026-03-10"),
      state: "MISSED",
    });
  });

  test("a post-incident report published in time also meets the preliminary report", () => {
    const incident = anIncident({
      resolvedAt: at("10:00"),
      postIncidentPublishedAt: at("15:00"),
    });
    const instances = cadenceCompliance(incident, at("12:00", "2026-03-20"));
    expect(only(instances, "PRELIMINARY_REPORT")[0]).toMatchObject({
      metAt: at("15:00"),
      state: "MET",
    });
    expect(only(instances, "POST_INCIDENT_REPORT")[0]).toMatchObject({
      metAt: at("15:00"),
      state: "MET",
    });
  });
});

describe("cadenceCompliance agrees with computeCadence, for any incident", () => {
  const MINUTE = 60_000;
  const incidents = fc
    .record({
      updateOffsets: fc.array(fc.integer({ min: 0, max: 240 }), {
        maxLength: 12,
      }),
      assessedAfter: fc.option(fc.integer({ min: 0, max: 30 })),
      resolvedAfter: fc.option(fc.integer({ min: 0, max: 300 })),
      nowAfter: fc.integer({ min: 0, max: 60 * 24 * 10 }),
    })
    .map(({ updateOffsets, assessedAfter, resolvedAfter, nowAfter }) => {
      const reportedAt = at("09:00");
      const plus = (minutes: number) => new Date(reportedAt.getTime() + minutes * MINUTE);
      const resolvedAt = resolvedAfter === null ? null : plus(resolvedAfter);
      const updates = updateOffsets.filter((m) => resolvedAfter === null || m <= resolvedAfter).map(plus);
      const lastEvent = Math.max(0, resolvedAfter ?? 0, ...updateOffsets);
      const incident = anIncident({
        reportedAt,
        publicUpdateTimes: updates,
        impactAssessedAt: assessedAfter === null ? null : plus(assessedAfter),
        resolvedAt,
      });
      return { incident, now: plus(lastEvent + nowAfter) };
    });

  test("an update is overdue exactly when an open window has been missed", () => {
    fc.assert(
      fc.property(incidents, ({ incident, now }) => {
        const outstandingMiss = statusUpdates(cadenceCompliance(incident, now)).some(
          (w) => w.metAt === null && w.state === "MISSED",
        );
        expect(computeCadence(incident, now).overdue.includes("STATUS_UPDATE")).toBe(outstandingMiss);
      }),
    );
  });

  test("the open window is due when the next update is due", () => {
    fc.assert(
      fc.property(incidents, ({ incident, now }) => {
        const open = statusUpdates(cadenceCompliance(incident, now)).filter((w) => w.metAt === null);
        expect(open.map((w) => w.dueAt)).toEqual(
          incident.resolvedAt === null ? [computeCadence(incident, now).nextUpdateDueAt] : [],
        );
      }),
    );
  });

  test("each window is due 15 minutes after the previous one was met", () => {
    fc.assert(
      fc.property(incidents, ({ incident, now }) => {
        const windows = statusUpdates(cadenceCompliance(incident, now));
        windows.forEach((w, i) => {
          const start = i === 0 ? incident.reportedAt : windows[i - 1]?.metAt;
          expect(w.dueAt.getTime() - (start?.getTime() ?? Number.NaN)).toBe(15 * MINUTE);
        });
      }),
    );
  });

  test("the impact assessment is overdue exactly when it is missed and never came", () => {
    fc.assert(
      fc.property(incidents, ({ incident, now }) => {
        const impact = only(cadenceCompliance(incident, now), "IMPACT_ASSESSMENT")[0];
        const overdue = computeCadence(incident, now).overdue.includes("IMPACT_ASSESSMENT");
        expect(overdue).toBe(impact?.state === "MISSED" && impact.metAt === null);
      }),
    );
  });
});
