import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aComponent, anIncident, postUpdate } from "../../../test/factories.js";
import { collect, startTestApi, waitFor, type TestApi } from "../../../test/harness.js";
import { anAccount, aMember } from "../../../test/support-factories.js";

let api: TestApi;
let agent: { id: string; token: string };
beforeAll(async () => {
  api = await startTestApi();
  agent = await aMember(api, "SUPPORT_AGENT");
});
afterAll(() => api?.close());

const PAGE = `{ statusPage { indicator description updatedAt components { id status } activeIncidents { id title impact } } }`;
const page = async () => (await api.must(PAGE, {}, null)).statusPage;
const seenAnonymously = async (id: string) =>
  (await api.must(`query($id: ID!) { incident(id: $id) { id title impact publishedAt } }`, { id }, null)).incident;
const listedAnonymously = async () =>
  (await api.must(`{ incidents(first: 100) { edges { node { id title } } } }`, {}, null)).incidents.edges.map(
    (e: { node: { id: string; title: string } }) => e.node,
  );
const asStaff = async (id: string) =>
  (
    await api.must(
      `query($id: ID!) { incident(id: $id) { id title publicTitle impact publishedAt
         timeline { kind message actor { id } } } }`,
      { id },
    )
  ).incident;

async function aRoutingKey(severity = "SEV1", componentIds: string[] = []) {
  const service = (
    await api.must(`mutation($input: CreateServiceInput!) { createService(input: $input) { id } }`, {
      input: { name: `Checkout ${Math.random()}` },
    })
  ).createService;
  const created = await api.must(
    `mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { routingKey } }`,
    {
      input: {
        serviceId: service.id,
        name: "Monitoring",
        incidentSeverities: [{ severity: "critical", incidentSeverity: severity }],
        componentIds,
      },
    },
  );
  return created.createIntegration.routingKey as string;
}

describe("an incident is public only once a PUBLIC update is posted", () => {
  test("regression: an incident reported from an alert was public at once, under its internal title, with a presumed CRITICAL impact", async () => {
    const checkout = await aComponent(api);
    const before = await page();
    const routingKey = await aRoutingKey("SEV1", [checkout.id]);
    const res = await fetch(`${api.url}/v2/enqueue`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        routing_key: routingKey,
        event_action: "trigger",
        payload: { summary: "pg-primary-3 replication lag > 30s", source: "db-mon", severity: "critical" },
      }),
    });
    expect(res.status).toBe(202);
    const fromAlert = (
      await api.sql<{ id: string }>("SELECT id FROM incident WHERE title = 'pg-primary-3 replication lag > 30s'")
    )[0]!;
    const byAgent = await anIncident(
      api,
      { title: "pg-primary-3 failover runbook step 4", severity: "SEV1", componentIds: [checkout.id] },
      agent.token,
    );

    const after = await page();
    expect(after.indicator).toBe("NONE");
    expect(after.description).toBe("All Systems Operational");
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.activeIncidents).toEqual([]);
    expect(after.components).toContainEqual({ id: checkout.id, status: "OPERATIONAL" });
    for (const id of [fromAlert.id, byAgent.id]) {
      expect(await seenAnonymously(id)).toBeNull();
      expect((await listedAnonymously()).map((i: { id: string }) => i.id)).not.toContain(id);
      // Staff see it as it is: internal title, impact presumed from the severity, not yet public.
      expect(await asStaff(id)).toMatchObject({ id, impact: "CRITICAL", publishedAt: null });
    }
  });

  test("an INTERNAL update keeps it private; the first PUBLIC update publishes it under its public name", async () => {
    const incident = await anIncident(
      api,
      { title: "pg-primary-3 disk full", publicTitle: "Delays saving changes", severity: "SEV2" },
      agent.token,
    );
    await postUpdate(api, incident.id, { visibility: "INTERNAL", message: "Freeing disk space" }, agent.token);
    expect(await seenAnonymously(incident.id)).toBeNull();

    await postUpdate(api, incident.id, { visibility: "PUBLIC", message: "Saving changes may be slow." }, agent.token);
    const seen = await seenAnonymously(incident.id);
    expect(seen).toMatchObject({ id: incident.id, title: "Delays saving changes" });
    expect(seen.publishedAt).not.toBeNull();
    expect(await listedAnonymously()).toContainEqual({ id: incident.id, title: "Delays saving changes" });
    expect((await page()).activeIncidents.map((i: { title: string }) => i.title)).toContain("Delays saving changes");

    const staff = await asStaff(incident.id);
    expect(staff).toMatchObject({ title: "pg-primary-3 disk full", publicTitle: "Delays saving changes" });
    expect(staff.publishedAt).toBe(seen.publishedAt);
    expect(staff.timeline.filter((e: { kind: string }) => e.kind === "PUBLISHED")).toEqual([
      { kind: "PUBLISHED", message: "Made public by its first PUBLIC update", actor: { id: agent.id } },
    ]);
  });

  test("without a public title customers read the title; updateIncident sets and clears the public title", async () => {
    const incident = await anIncident(api, { title: "Login errors" });
    await postUpdate(api, incident.id, { message: "We are investigating login errors." });
    expect((await seenAnonymously(incident.id)).title).toBe("Login errors");
    const rename = (publicTitle: string | null) =>
      api.must(
        `mutation($id: ID!, $p: String) { updateIncident(incidentId: $id, input: { publicTitle: $p }) { title publicTitle } }`,
        { id: incident.id, p: publicTitle },
      );
    expect((await rename("Some customers cannot sign in")).updateIncident).toEqual({
      title: "Login errors",
      publicTitle: "Some customers cannot sign in",
    });
    expect((await seenAnonymously(incident.id)).title).toBe("Some customers cannot sign in");
    await rename(null);
    expect((await seenAnonymously(incident.id)).title).toBe("Login errors");
  });

  test("a public title is checked like a title, and a refused one changes nothing", async () => {
    const incident = await anIncident(api, { title: "Checked" });
    const tooLong = await api.gql(
      `mutation($id: ID!, $p: String) { updateIncident(incidentId: $id, input: { publicTitle: $p }) { id } }`,
      { id: incident.id, p: "x".repeat(201) },
    );
    expect(tooLong.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(tooLong.errors?.[0]?.extensions.fields).toHaveProperty("input.publicTitle");
    expect((await asStaff(incident.id)).publicTitle).toBeNull();
    const count = async () => Number((await api.sql<{ n: string }>("SELECT count(*) AS n FROM incident"))[0]!.n);
    const incidents = await count();
    const atReport = await api.gql(
      `mutation($p: String) { reportIncident(input: { title: "T", publicTitle: $p, severity: SEV1 }) { id } }`,
      { p: "x".repeat(201) },
    );
    expect(atReport.errors?.[0]?.extensions.fields).toHaveProperty("input.publicTitle");
    expect(await count()).toBe(incidents);
  });

  test("a false alarm resolved with INTERNAL updates never shows", async () => {
    const incident = await anIncident(api, { severity: "SEV1" });
    await postUpdate(api, incident.id, { visibility: "INTERNAL", status: "RESOLVED", message: "Flapping check" });
    expect(await seenAnonymously(incident.id)).toBeNull();
    expect((await listedAnonymously()).map((i: { id: string }) => i.id)).not.toContain(incident.id);
  });

  test("a customer sees neither the incident nor, on their ticket, the link until it is public", async () => {
    const account = await anAccount(api);
    const customer = await aMember(api, "CUSTOMER", { accountId: account.id });
    const incident = await anIncident(api, { title: "Internal: shard 7 split brain", publicTitle: "API errors" });
    const ticket = (
      await api.must(
        `mutation { openTicket(input: { subject: "API fails", priority: P1 }) { id } }`,
        {},
        customer.token,
      )
    ).openTicket;
    await api.must(`mutation($t: ID!, $i: ID) { linkTicketToIncident(ticketId: $t, incidentId: $i) { id } }`, {
      t: ticket.id,
      i: incident.id,
    });
    const read = () =>
      api.must(
        `query($t: ID!, $i: ID!) { ticket(id: $t) { incident { id title } } incident(id: $i) { id title } }`,
        { t: ticket.id, i: incident.id },
        customer.token,
      );
    expect(await read()).toEqual({ ticket: { incident: null }, incident: null });
    await postUpdate(api, incident.id, { message: "Some API calls fail; we are on it." });
    expect(await read()).toEqual({
      ticket: { incident: { id: incident.id, title: "API errors" } },
      incident: { id: incident.id, title: "API errors" },
    });
    const { notifications } = await api.must(
      `{ notifications(first: 5) { edges { node { kind title } } } }`,
      {},
      customer.token,
    );
    expect(notifications.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { kind: "INCIDENT_UPDATE", title: "API errors: investigating" },
    ]);
  });
});

describe("what customers read of the impact is what someone set", () => {
  test("regression: a published SEV1 read as a Major System Outage from its presumed impact", async () => {
    const api1 = await aComponent(api);
    const incident = await anIncident(api, { severity: "SEV1", componentIds: [api1.id] });
    await postUpdate(api, incident.id, { message: "We are investigating reports of errors." });
    expect(await seenAnonymously(incident.id)).toMatchObject({ impact: "NONE" });
    expect(await page()).toMatchObject({ indicator: "NONE", description: "All Systems Operational" });
    expect((await page()).components).toContainEqual({ id: api1.id, status: "OPERATIONAL" });
    expect((await asStaff(incident.id)).impact).toBe("CRITICAL");

    // Someone sets a component's status: customers read the impact it means.
    await postUpdate(api, incident.id, {
      message: "Requests to the API fail.",
      componentStatuses: [{ componentId: api1.id, status: "PARTIAL_OUTAGE" }],
    });
    expect(await seenAnonymously(incident.id)).toMatchObject({ impact: "MAJOR" });

    // The liaison's assessment stands over both.
    await api.must(
      `mutation($id: ID!) { assessImpact(incidentId: $id, input: { impact: MINOR, componentStatuses: [], summary: "Few customers" }) { id } }`,
      { id: incident.id },
    );
    expect(await seenAnonymously(incident.id)).toMatchObject({ impact: "MINOR" });
    await postUpdate(api, incident.id, { status: "RESOLVED", message: "Fixed." });
  });

  test("an unpublished incident's impact never moves the page, even once assessed", async () => {
    const incident = await anIncident(api, { severity: "SEV2" });
    await api.must(
      `mutation($id: ID!) { assessImpact(incidentId: $id, input: { impact: CRITICAL, componentStatuses: [], summary: "All down" }) { id } }`,
      { id: incident.id },
    );
    const now = await page();
    expect(now.indicator).toBe("NONE");
    expect(now.activeIncidents.map((i: { id: string }) => i.id)).not.toContain(incident.id);
    await postUpdate(api, incident.id, { visibility: "INTERNAL", status: "RESOLVED", message: "Was a test" });
  });
});

describe("live readers", () => {
  test("anonymous subscribers hear nothing until the first PUBLIC update, then one event", async () => {
    const baseline = api.app.services.bus.listenerCount();
    const anonymous = collect<any>(api.ws(null), `subscription { incidentUpdated { id title } }`);
    const pageChanges = collect<any>(api.ws(null), `subscription { statusPageChanged { activeIncidents { id } } }`);
    const staff = collect<any>(api.ws(), `subscription { incidentUpdated { id title } }`);
    await waitFor(() => api.app.services.bus.listenerCount() >= baseline + 3);

    const incident = await anIncident(api, {
      title: "Shard 7 split brain",
      publicTitle: "API errors",
      severity: "SEV1",
    });
    await postUpdate(api, incident.id, { visibility: "INTERNAL", message: "Paging the database team" });
    await postUpdate(api, incident.id, { visibility: "PUBLIC", message: "Some API calls fail." });
    // Other tests' incidents may still be announcing: count this incident's events only.
    const ofThis = (c: typeof staff) => c.received.filter((r) => r.data.incidentUpdated.id === incident.id);
    await waitFor(() => ofThis(staff).length >= 3);
    await anonymous.until(1);
    await pageChanges.until(1);
    // Staff heard all three changes, so the anonymous readers had every chance to hear the first two.
    expect(anonymous.received.map((r) => r.data.incidentUpdated)).toEqual([{ id: incident.id, title: "API errors" }]);
    expect(pageChanges.received).toHaveLength(1);
    expect(pageChanges.received[0]!.data.statusPageChanged.activeIncidents).toContainEqual({ id: incident.id });
    expect(ofThis(staff).map((r) => r.data.incidentUpdated.title)).toEqual([
      "Shard 7 split brain",
      "Shard 7 split brain",
      "Shard 7 split brain",
    ]);
    for (const s of [anonymous, pageChanges, staff]) s.unsubscribe();
  });
});
