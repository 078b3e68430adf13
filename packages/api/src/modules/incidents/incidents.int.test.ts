import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aComponent, anIncident, aUser, getIncident, postUpdate } from "../../test/factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const MIN = 60_000;
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

async function configureOrganization(input: Record<string, unknown>) {
  return api.must(
    `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
       timezone holidays holidayRegion conferenceBridge { url dialIn } liaisons { id } } }`,
    { input },
  );
}

describe("reporting an incident", () => {
  test("starts investigating with the impact assessment due in 5 minutes and the first update in 15", async () => {
    const incident = await anIncident(api, { severity: "SEV3" });
    expect(incident.status).toBe("INVESTIGATING");
    expect(incident.isMajor).toBe(false);
    expect(incident.cadence.impactAssessmentDueAt).toBe(plus(incident.reportedAt, 5 * MIN));
    expect(incident.cadence.nextUpdateDueAt).toBe(plus(incident.reportedAt, 15 * MIN));
    expect(incident.cadence.preliminaryReportDueAt).toBeNull();
    expect(incident.cadence.postIncidentReportDueAt).toBeNull();
    expect(incident.cadence.overdue).toEqual([]);
    expect(incident.liaison).toBeNull();
    expect(incident.conferenceBridge).toBeNull();
  });

  test("numbers incidents sequentially", async () => {
    const a = await anIncident(api);
    const b = await anIncident(api);
    expect(b.number).toBe(a.number + 1);
  });

  test("a major incident gets the on-duty liaison and the conference bridge at once", async () => {
    const liaison = await aUser(api, "SUPPORT_AGENT");
    await configureOrganization({
      conferenceBridge: { url: "https://meet.example.com/incident-bridge", dialIn: "+1 555 0100" },
      liaisonUserIds: [liaison.user.id],
    });
    const incident = await anIncident(api, { severity: "SEV1", title: "Checkout is down" });
    expect(incident.isMajor).toBe(true);
    expect(incident.liaison).toEqual({ id: liaison.user.id, name: liaison.user.name });
    expect(incident.conferenceBridge).toEqual({
      url: "https://meet.example.com/incident-bridge",
      dialIn: "+1 555 0100",
    });
    expect(incident.impact).toBe("CRITICAL");
  });

  test("the liaison roster spreads major incidents over its members", async () => {
    const first = await aUser(api, "SUPPORT_AGENT");
    const second = await aUser(api, "SUPPORT_AGENT");
    await configureOrganization({ liaisonUserIds: [first.user.id, second.user.id] });
    const a = await anIncident(api, { severity: "SEV2" });
    const b = await anIncident(api, { severity: "SEV2" });
    expect(new Set([a.liaison.id, b.liaison.id])).toEqual(new Set([first.user.id, second.user.id]));
  });

  test("raising an incident to SEV2 mobilizes the liaison and the bridge", async () => {
    const liaison = await aUser(api, "SUPPORT_AGENT");
    await configureOrganization({
      conferenceBridge: { url: "https://meet.example.com/raised", dialIn: null },
      liaisonUserIds: [liaison.user.id],
    });
    const incident = await anIncident(api, { severity: "SEV4" });
    expect(incident.liaison).toBeNull();
    const { updateIncident } = await api.must(
      `mutation($id: ID!) { updateIncident(incidentId: $id, input: { severity: SEV2 }) {
         isMajor severity liaison { id } conferenceBridge { url } } }`,
      { id: incident.id },
    );
    expect(updateIncident).toEqual({
      isMajor: true,
      severity: "SEV2",
      liaison: { id: liaison.user.id },
      conferenceBridge: { url: "https://meet.example.com/raised" },
    });
  });

  test("links the affected components", async () => {
    const c = await aComponent(api);
    const incident = await anIncident(api, { componentIds: [c.id] });
    expect(incident.components.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });
});

describe("the cadence", () => {
  test("assessing the impact records it, sets component statuses and shows on the status page", async () => {
    const c = await aComponent(api);
    const incident = await anIncident(api, { componentIds: [c.id] });
    const { assessImpact } = await api.must(
      `mutation($id: ID!, $input: AssessImpactInput!) { assessImpact(incidentId: $id, input: $input) {
         impact customersAffected components { id status } cadence { impactAssessedAt overdue } } }`,
      {
        id: incident.id,
        input: {
          impact: "MAJOR",
          componentStatuses: [{ componentId: c.id, status: "PARTIAL_OUTAGE" }],
          customersAffected: 42,
          summary: "EU customers cannot log in",
        },
      },
    );
    expect(assessImpact.impact).toBe("MAJOR");
    expect(assessImpact.customersAffected).toBe(42);
    expect(assessImpact.components).toEqual([{ id: c.id, status: "PARTIAL_OUTAGE" }]);
    expect(assessImpact.cadence.impactAssessedAt).not.toBeNull();
    const { statusPage } = await api.must("{ statusPage { indicator components { id status } } }", {}, null);
    expect(statusPage.components).toContainEqual({ id: c.id, status: "PARTIAL_OUTAGE" });
    expect(statusPage.indicator).not.toBe("NONE");
  });

  test("a public update moves the next update deadline; an internal one does not", async () => {
    const incident = await anIncident(api);
    const internal = await postUpdate(api, incident.id, { visibility: "INTERNAL", message: "war room notes" });
    expect(internal.errors).toBeUndefined();
    let now = await getIncident(api, incident.id);
    expect(now.cadence.nextUpdateDueAt).toBe(plus(incident.reportedAt, 15 * MIN));
    await postUpdate(api, incident.id, { visibility: "PUBLIC", status: "IDENTIFIED", message: "Cause identified" });
    now = await getIncident(api, incident.id);
    const publicUpdate = now.updates.find((u: { visibility: string }) => u.visibility === "PUBLIC");
    const [row] = await api.sql<{ created_at: Date }>("SELECT created_at FROM incident_update WHERE id = $1", [
      publicUpdate.id,
    ]);
    expect(now.status).toBe("IDENTIFIED");
    expect(now.cadence.nextUpdateDueAt).toBe(new Date(row!.created_at.getTime() + 15 * MIN).toISOString());
  });

  test("obligations become overdue when their time passes", async () => {
    const incident = await anIncident(api);
    api.clock.advance(6 * MIN);
    expect((await getIncident(api, incident.id)).cadence.overdue).toEqual(["IMPACT_ASSESSMENT"]);
    api.clock.advance(10 * MIN);
    expect((await getIncident(api, incident.id)).cadence.overdue).toEqual(["IMPACT_ASSESSMENT", "STATUS_UPDATE"]);
  });

  test("resolving stops the update clock and sets report deadlines in business days of the organization", async () => {
    await configureOrganization({ timezone: "America/New_York", holidays: [], holidayRegion: null });
    const c = await aComponent(api);
    const incident = await anIncident(api, { componentIds: [c.id] });
    await postUpdate(api, incident.id, {
      status: "MONITORING",
      message: "Fix deployed",
      componentStatuses: [{ componentId: c.id, status: "DEGRADED_PERFORMANCE" }],
    });
    const resolved = await postUpdate(api, incident.id, { status: "RESOLVED", message: "All good" });
    expect(resolved.errors).toBeUndefined();
    const after = await getIncident(api, incident.id);
    expect(after.status).toBe("RESOLVED");
    expect(after.resolvedAt).not.toBeNull();
    expect(after.cadence.nextUpdateDueAt).toBeNull();
    expect(after.components).toEqual([{ id: c.id, name: c.name, status: "OPERATIONAL" }]);
    const due = new Date(after.cadence.preliminaryReportDueAt);
    const local = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
    }).format(due);
    expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? 23:59:59$/);
    expect(due.getTime()).toBeGreaterThan(new Date(after.resolvedAt).getTime());
    expect(new Date(after.cadence.postIncidentReportDueAt).getTime()).toBeGreaterThan(due.getTime() + 3 * 86_400_000);
    await configureOrganization({ timezone: "UTC" });
  });

  test("reports are published once each, after resolution, and meet their obligations", async () => {
    const incident = await anIncident(api);
    const publish = (kind: string) =>
      api.gql(
        `mutation($id: ID!, $input: PublishIncidentReportInput!) {
           publishIncidentReport(incidentId: $id, input: $input) { id kind summary rootCause actionItems } }`,
        {
          id: incident.id,
          input: { kind, summary: "What happened", rootCause: "A bad deploy", actionItems: ["Add a canary"] },
        },
      );
    await api.must(
      `mutation($id: ID!) { assessImpact(incidentId: $id, input: { impact: MINOR, componentStatuses: [], summary: "Small" }) { id } }`,
      { id: incident.id },
    );
    const early = await publish("PRELIMINARY");
    expect(early.errors?.[0]?.extensions.code).toBe("INVALID_TRANSITION");
    await postUpdate(api, incident.id, { status: "RESOLVED", message: "Resolved" });
    const first = await publish("PRELIMINARY");
    expect(first.data?.publishIncidentReport).toMatchObject({ kind: "PRELIMINARY", actionItems: ["Add a canary"] });
    const again = await publish("PRELIMINARY");
    expect(again.errors?.[0]?.extensions.code).toBe("CONFLICT");
    api.clock.advance(10 * 86_400_000);
    expect((await getIncident(api, incident.id)).cadence.overdue).toEqual(["POST_INCIDENT_REPORT"]);
    await publish("POST_INCIDENT");
    const done = await getIncident(api, incident.id);
    expect(done.cadence.overdue).toEqual([]);
    expect(done.reports.map((r: { kind: string }) => r.kind)).toEqual(["PRELIMINARY", "POST_INCIDENT"]);
  });

  test("nothing but reports may be posted after resolution", async () => {
    const incident = await anIncident(api);
    await postUpdate(api, incident.id, { status: "RESOLVED", message: "Resolved" });
    const late = await postUpdate(api, incident.id, { status: "INVESTIGATING", message: "Back again?" });
    expect(late.errors?.[0]?.extensions.code).toBe("INVALID_TRANSITION");
    const after = await getIncident(api, incident.id);
    expect(after.updates).toHaveLength(1);
  });
});

describe("roles on an incident", () => {
  test("a responder can be made commander and a support agent liaison", async () => {
    const responder = await aUser(api, "RESPONDER");
    const agent = await aUser(api, "SUPPORT_AGENT");
    const incident = await anIncident(api);
    const assign = (role: string, userId: string) =>
      api.must(
        `mutation($id: ID!, $role: IncidentRole!, $user: ID!) {
           assignIncidentRole(incidentId: $id, role: $role, userId: $user) { commander { id } liaison { id } } }`,
        { id: incident.id, role, user: userId },
        responder.token,
      );
    await assign("COMMANDER", responder.user.id);
    const { assignIncidentRole } = await assign("LIAISON", agent.user.id);
    expect(assignIncidentRole).toEqual({ commander: { id: responder.user.id }, liaison: { id: agent.user.id } });
  });
});

describe("what an anonymous reader sees", () => {
  test("public updates only, and no staff-only details", async () => {
    const incident = await anIncident(api, { description: "internal details" });
    await postUpdate(api, incident.id, { visibility: "INTERNAL", message: "secret internal note" });
    await postUpdate(api, incident.id, { visibility: "PUBLIC", message: "We are investigating" });
    const seen = await getIncident(api, incident.id, null);
    expect(seen.updates.map((u: { message: string }) => u.message)).toEqual(["We are investigating"]);
    expect(seen.cadence).toBeNull();
    expect(seen.customersAffected).toBeNull();
    const { incident: d } = await api.must(
      `query($id: ID!) { incident(id: $id) { description } }`,
      { id: incident.id },
      null,
    );
    expect(d.description).toBeNull();
  });
});

describe("listing incidents", () => {
  test("pages newest first with stable cursors and filters by state", async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await anIncident(api, { title: `Paged ${i}` }));
    await postUpdate(api, made[0]!.id, { status: "RESOLVED", message: "done" });
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { incidents }: any = await api.must(
        `query($after: String) { incidents(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      ids.push(...incidents.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!incidents.pageInfo.hasNextPage) break;
      after = incidents.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    const madeIds = made.map((m) => m.id).reverse();
    expect(ids.filter((id) => madeIds.includes(id))).toEqual(madeIds);
    const { incidents: active } = await api.must(
      `{ incidents(first: 100, filter: { active: true }) { edges { node { id status } } } }`,
    );
    expect(active.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(made[0]!.id);
    expect(active.edges.every((e: { node: { status: string } }) => e.node.status !== "RESOLVED")).toBe(true);
  });
});
