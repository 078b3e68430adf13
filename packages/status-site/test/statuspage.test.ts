// The Statuspage mapping and the HTTP validators, on their own: no API needed.
import { describe, expect, test } from "vitest";
import { notModified } from "../src/lib/hot.js";
import { StatuspageDocument, groupId, maintenanceStatus } from "../src/lib/statuspage.js";
import type { Incident, Maintenance, Snapshot } from "../src/lib/types.js";
import { dayKind, overallUptime } from "../src/lib/uptime.js";

const T = "2026-01-05T10:00:00.000Z";
const component = (id: string, name: string, group: string | null, status = "OPERATIONAL") =>
  ({ id, name, group, status, description: null, position: 0, createdAt: T, updatedAt: T, uptime: [] }) as never;

function snapshot(incidents: Incident[] = []): Snapshot {
  return {
    statusPage: {
      id: "page",
      name: "Acme",
      timeZone: "UTC",
      indicator: "MINOR",
      description: "Partially Degraded Service",
      updatedAt: T,
      components: [
        component("a", "REST", "API", "DEGRADED_PERFORMANCE"),
        component("b", "Web", null),
        component("c", "GraphQL", "API"),
      ],
      activeIncidents: incidents,
      scheduledMaintenances: [],
    },
    recentIncidents: incidents,
    recentMaintenances: [],
  };
}

describe("the Statuspage document", () => {
  test("a group stands where its first member would, its members after it, positions counting up", () => {
    const doc = new StatuspageDocument(snapshot(), "https://status.example");
    expect(doc.components.map((c) => [c.name, c.position, c.group])).toEqual([
      ["API", 1, true],
      ["REST", 2, false],
      ["GraphQL", 3, false],
      ["Web", 4, false],
    ]);
    expect(doc.components[0]).toMatchObject({ status: "degraded_performance", components: ["a", "c"] });
  });

  test("a group's id is stable across snapshots and differs between groups", () => {
    expect(groupId("page", "API")).toBe(groupId("page", "API"));
    expect(groupId("page", "API")).not.toBe(groupId("page", "Web"));
    expect(groupId("page", "API")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("each update tells the status a component had before it", () => {
    const incident: Incident = {
      id: "i",
      number: 1,
      title: "Slow",
      status: "MONITORING",
      impact: "MINOR",
      reportedAt: T,
      resolvedAt: null,
      createdAt: T,
      updatedAt: T,
      components: [{ id: "a", name: "REST" }],
      reports: [],
      updates: [
        {
          id: "u3",
          status: "MONITORING",
          message: "Better",
          createdAt: "2026-01-05T10:20:00Z",
          editedAt: null,
          componentStatuses: [{ componentId: "a", status: "OPERATIONAL" }],
        },
        {
          id: "u2",
          status: "IDENTIFIED",
          message: "Found",
          createdAt: "2026-01-05T10:10:00Z",
          editedAt: "2026-01-05T10:30:00Z",
          componentStatuses: [],
        },
        {
          id: "u1",
          status: "INVESTIGATING",
          message: "Slow",
          createdAt: "2026-01-05T10:01:00Z",
          editedAt: null,
          componentStatuses: [{ componentId: "a", status: "PARTIAL_OUTAGE" }],
        },
      ],
    };
    const out = new StatuspageDocument(snapshot([incident]), "https://status.example").incident(incident);
    expect(out.incident_updates.map((u) => u.affected_components)).toEqual([
      [{ code: "a", name: "REST", old_status: "partial_outage", new_status: "operational" }],
      null,
      [{ code: "a", name: "REST", old_status: "operational", new_status: "partial_outage" }],
    ]);
    expect(out.monitoring_at).toBe("2026-01-05T10:20:00.000Z");
    // A corrected update keeps its place in the timeline and says when it changed.
    expect(out.incident_updates.map((u) => [u.created_at, u.updated_at])).toEqual([
      ["2026-01-05T10:20:00.000Z", "2026-01-05T10:20:00.000Z"],
      ["2026-01-05T10:10:00.000Z", "2026-01-05T10:30:00.000Z"],
      ["2026-01-05T10:01:00.000Z", "2026-01-05T10:01:00.000Z"],
    ]);
  });

  const resolvedIncident = (over: Partial<Incident> = {}): Incident => ({
    id: "r",
    number: 2,
    title: "Login errors",
    status: "RESOLVED",
    impact: "MINOR",
    reportedAt: "2026-01-05T09:00:00Z",
    resolvedAt: "2026-01-05T09:40:00Z",
    createdAt: "2026-01-05T09:00:00Z",
    updatedAt: "2026-01-05T09:40:00Z",
    components: [],
    reports: [],
    updates: [
      {
        id: "r2",
        status: "RESOLVED",
        message: "Fixed",
        createdAt: "2026-01-05T09:40:00Z",
        editedAt: null,
        componentStatuses: [],
      },
      {
        id: "r1",
        status: "INVESTIGATING",
        message: "Errors",
        createdAt: "2026-01-05T09:05:00Z",
        editedAt: null,
        componentStatuses: [],
      },
    ],
    ...over,
  });
  const report = (kind: "PRELIMINARY" | "POST_INCIDENT", publishedAt: string) => ({
    id: kind,
    kind,
    summary: "What happened",
    rootCause: null,
    actionItems: [],
    publishedAt,
    revisedAt: null,
  });

  test("a resolved incident reads postmortem once its post-incident report is out, not for a preliminary one", () => {
    const doc = new StatuspageDocument(snapshot(), "https://status.example");
    const preliminary = report("PRELIMINARY", "2026-01-06T10:00:00Z");
    expect(doc.incident(resolvedIncident({ reports: [preliminary] })).status).toBe("resolved");
    const out = doc.incident(
      resolvedIncident({ reports: [preliminary, report("POST_INCIDENT", "2026-01-09T16:00:00Z")] }),
    );
    expect(out.status).toBe("postmortem");
    // As on Statuspage: still resolved when it was, the timeline untouched, updated when the report came out.
    expect(out.resolved_at).toBe("2026-01-05T09:40:00.000Z");
    expect(out.incident_updates.map((u) => u.status)).toEqual(["resolved", "investigating"]);
    expect(out.updated_at).toBe("2026-01-09T16:00:00.000Z");
  });

  test("a back-dated incident was created when it was reported, never after it was resolved", () => {
    // Reported (back-dated) at 09:00 and resolved at 09:40, but written down only at 11:00.
    const out = new StatuspageDocument(snapshot(), "https://status.example").incident(
      resolvedIncident({ createdAt: "2026-01-05T11:00:00Z", updatedAt: "2026-01-05T11:00:00Z" }),
    );
    expect(out.created_at).toBe("2026-01-05T09:00:00.000Z");
    expect(out.started_at).toBe("2026-01-05T09:00:00.000Z");
    expect(Date.parse(out.created_at)).toBeLessThanOrEqual(Date.parse(out.resolved_at!));
    expect(Date.parse(out.created_at)).toBeLessThanOrEqual(Date.parse(out.updated_at));
    expect(Date.parse(out.resolved_at!)).toBeLessThanOrEqual(Date.parse(out.updated_at));
  });

  test("an incident's updated_at follows a correction of one of its updates", () => {
    const incident = resolvedIncident();
    incident.updates[1]!.editedAt = "2026-01-05T12:00:00Z";
    const out = new StatuspageDocument(snapshot(), "https://status.example").incident(incident);
    expect(out.updated_at).toBe("2026-01-05T12:00:00.000Z");
    expect(out.incident_updates[1]!.updated_at).toBe("2026-01-05T12:00:00.000Z");
  });

  test("a maintenance has started_at only once it has really started", () => {
    const doc = new StatuspageDocument(snapshot(), "https://status.example");
    const window = (over: Partial<Maintenance>): Maintenance => ({
      id: "m",
      title: "Upgrade",
      description: null,
      status: "SCHEDULED",
      scheduledFor: "2026-02-01T10:00:00Z",
      scheduledUntil: "2026-02-01T12:00:00Z",
      startedAt: null,
      completedAt: null,
      cancelledAt: null,
      createdAt: T,
      updatedAt: T,
      components: [],
      updates: [],
      ...over,
    });
    expect(doc.maintenance(window({})).started_at).toBeNull();
    expect(doc.maintenance(window({ status: "CANCELLED", cancelledAt: "2026-01-20T10:00:00Z" })).started_at).toBeNull();
    const started = { startedAt: "2026-02-01T10:03:00Z" };
    expect(doc.maintenance(window({ status: "IN_PROGRESS", ...started })).started_at).toBe("2026-02-01T10:03:00.000Z");
    expect(
      doc.maintenance(window({ status: "COMPLETED", ...started, completedAt: "2026-02-01T11:00:00Z" })).started_at,
    ).toBe("2026-02-01T10:03:00.000Z");
  });

  test("a cancelled maintenance reads as completed, the others keep Statuspage's words", () => {
    expect(["SCHEDULED", "IN_PROGRESS", "COMPLETED", "CANCELLED"].map((s) => maintenanceStatus(s as never))).toEqual([
      "scheduled",
      "in_progress",
      "completed",
      "completed",
    ]);
  });
});

describe("conditional requests", () => {
  test("If-None-Match matches a listed, weak or wildcard validator only", () => {
    expect(notModified('"abc"', '"abc"')).toBe(true);
    expect(notModified('"x", W/"abc"', '"abc"')).toBe(true);
    expect(notModified("*", '"abc"')).toBe(true);
    expect(notModified('"abd"', '"abc"')).toBe(false);
    expect(notModified(undefined, '"abc"')).toBe(false);
  });
});

describe("uptime bars", () => {
  const day = (over: object) => ({
    date: "2026-01-05",
    uptime: 1,
    countedMs: 1000,
    downtimeMs: 0,
    majorOutageMs: 0,
    partialOutageMs: 0,
    degradedMs: 0,
    maintenanceMs: 0,
    worstStatus: "OPERATIONAL" as const,
    ...over,
  });

  test("a day reads as its worst trouble, else maintenance, else fine; no data when nothing was counted", () => {
    expect(dayKind(day({ majorOutageMs: 1, partialOutageMs: 1 }))).toBe("major");
    expect(dayKind(day({ degradedMs: 5, maintenanceMs: 5 }))).toBe("degraded");
    expect(dayKind(day({ maintenanceMs: 5 }))).toBe("maintenance");
    expect(dayKind(day({}))).toBe("ok");
    expect(dayKind(day({ countedMs: 0, uptime: null }))).toBe("no-data");
  });

  test("the period's uptime weighs each day by its counted time", () => {
    expect(overallUptime([day({ countedMs: 3000, downtimeMs: 300 }), day({ countedMs: 1000 })])).toBeCloseTo(0.925);
    expect(overallUptime([day({ countedMs: 0, uptime: null })])).toBeNull();
  });
});
