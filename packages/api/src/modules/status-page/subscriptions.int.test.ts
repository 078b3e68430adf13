import { afterAll, beforeAll, expect, test } from "vitest";
import { aComponent, anIncident, aUser, postUpdate } from "../../test/factories.js";
import { collect, startTestApi, waitFor, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const INCIDENT_UPDATED = `subscription($id: ID) { incidentUpdated(incidentId: $id) { id status updates { message visibility } } }`;

async function live(count: number) {
  await waitFor(() => api.app.services.bus.listenerCount() >= count);
}

test("a subscriber to incidentUpdated receives each accepted change, in order", async () => {
  const incident = await anIncident(api);
  const baseline = api.app.services.bus.listenerCount();
  const sub = collect<any>(api.ws(), INCIDENT_UPDATED, { id: incident.id });
  await live(baseline + 1);
  await postUpdate(api, incident.id, { status: "IDENTIFIED", message: "one" });
  await postUpdate(api, incident.id, { status: "MONITORING", message: "two" });
  await postUpdate(api, incident.id, { status: "RESOLVED", message: "three" });
  await sub.until(3);
  expect(sub.received.map((r) => r.data.incidentUpdated.status)).toEqual(["IDENTIFIED", "MONITORING", "RESOLVED"]);
  expect(sub.received[2]!.data.incidentUpdated.updates.map((u: { message: string }) => u.message)).toEqual([
    "three",
    "two",
    "one",
  ]);
  sub.unsubscribe();
});

test("an event delivered after later updates were committed still shows the incident as of its own update", async () => {
  const incident = await anIncident(api);
  await postUpdate(api, incident.id, { status: "IDENTIFIED", message: "one" });
  await postUpdate(api, incident.id, { status: "MONITORING", message: "two" });
  const baseline = api.app.services.bus.listenerCount();
  const sub = collect<any>(api.ws(), INCIDENT_UPDATED, { id: incident.id });
  await live(baseline + 1);
  // What a busy process sees: the event of update 1 arrives once update 2 is already committed.
  const [first] = await api.sql<{ sequence: number }>(
    "SELECT sequence FROM incident_update WHERE incident_id = $1 AND message = 'one'",
    [incident.id],
  );
  const { bus, db } = api.app.services;
  await db.transaction((tx) =>
    bus.publish(tx, { kind: "incident", incidentId: incident.id, visibility: "PUBLIC", asOfSequence: first!.sequence }),
  );
  await sub.until(1);
  expect(sub.received[0]!.data.incidentUpdated).toMatchObject({
    status: "IDENTIFIED",
    updates: [{ message: "one" }],
  });
  sub.unsubscribe();
});

test("anonymous subscribers never receive INTERNAL updates", async () => {
  const incident = await anIncident(api);
  const baseline = api.app.services.bus.listenerCount();
  const anonymous = collect<any>(api.ws(null), INCIDENT_UPDATED, { id: incident.id });
  const staff = collect<any>(api.ws(), INCIDENT_UPDATED, { id: incident.id });
  await live(baseline + 2);
  await postUpdate(api, incident.id, { visibility: "INTERNAL", message: "internal only" });
  await postUpdate(api, incident.id, { visibility: "PUBLIC", message: "public news" });
  await staff.until(2);
  await anonymous.until(1);
  // The staff subscriber saw both, so the anonymous one has had every chance to see the first.
  expect(anonymous.received).toHaveLength(1);
  const seen = JSON.stringify(anonymous.received);
  expect(seen).not.toContain("internal only");
  expect(seen).toContain("public news");
  expect(staff.received[1]!.data.incidentUpdated.updates.map((u: { visibility: string }) => u.visibility)).toEqual([
    "PUBLIC",
    "INTERNAL",
  ]);
});

test("statusPageChanged delivers the new page when a component's status changes", async () => {
  const c = await aComponent(api);
  const incident = await anIncident(api, { componentIds: [c.id] });
  const baseline = api.app.services.bus.listenerCount();
  const sub = collect<any>(api.ws(null), `subscription { statusPageChanged { indicator components { id status } } }`);
  await live(baseline + 1);
  await api.must(
    `mutation($id: ID!, $c: ID!) { assessImpact(incidentId: $id, input: {
       impact: CRITICAL, componentStatuses: [{ componentId: $c, status: MAJOR_OUTAGE }], summary: "down" }) { id } }`,
    { id: incident.id, c: c.id },
  );
  // The incident's own creation may still be on its way: wait for the page that shows the outage.
  const outage = (r: any) =>
    r.data.statusPageChanged.components.some((x: any) => x.id === c.id && x.status === "MAJOR_OUTAGE");
  await waitFor(() => sub.received.some(outage));
  expect(sub.received.find(outage)!.data.statusPageChanged.indicator).toBe("CRITICAL");
});

test("a subscriber to all incidents hears of new ones", async () => {
  const baseline = api.app.services.bus.listenerCount();
  const sub = collect<any>(api.ws(), `subscription { incidentUpdated { id } }`);
  await live(baseline + 1);
  const incident = await anIncident(api);
  await sub.until(1);
  expect(sub.received[0]!.data.incidentUpdated.id).toBe(incident.id);
});

test("a WebSocket with a bad token is refused", async () => {
  const client = api.ws("bogus-token");
  const outcome = await new Promise<string>((resolve) => {
    client.subscribe(
      { query: "subscription { statusPageChanged { indicator } }" },
      {
        next: () => resolve("next"),
        error: (e) => resolve(`error ${(e as { code?: number }).code ?? ""}`),
        complete: () => resolve("complete"),
      },
    );
  });
  expect(outcome).toMatch(/^error 44/);
});

test("a customer's subscription sees only public changes too", async () => {
  const { createAccount } = await api.must(
    `mutation { createAccount(input: { name: "Sub Co", tier: GOLD_SERVICES, subscriptionStartDate: "2026-01-01", products: [INCIDENT_MANAGEMENT] }) { id } }`,
  );
  const customer = await aUser(api, "CUSTOMER", { accountId: createAccount.id });
  const incident = await anIncident(api);
  const baseline = api.app.services.bus.listenerCount();
  const sub = collect<any>(api.ws(customer.token), INCIDENT_UPDATED, { id: incident.id });
  const staff = collect<any>(api.ws(), INCIDENT_UPDATED, { id: incident.id });
  await live(baseline + 2);
  await postUpdate(api, incident.id, { visibility: "INTERNAL", message: "between us" });
  await postUpdate(api, incident.id, { visibility: "PUBLIC", message: "for everyone" });
  await staff.until(2);
  await sub.until(1);
  expect(JSON.stringify(sub.received)).not.toContain("between us");
});

test("subscriptions and caches survive a lost database connection", async () => {
  const incident = await anIncident(api);
  const baseline = api.app.services.bus.listenerCount();
  const sub = collect<any>(api.ws(), INCIDENT_UPDATED, { id: incident.id });
  await live(baseline + 1);
  const listeners = () =>
    api.sql<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
    );
  const before = await listeners();
  expect(before.length).toBeGreaterThan(0);
  await api.sql("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", [before.map((r) => r.pid)]);
  for (let i = 0; ; i++) {
    const now = await listeners();
    if (now.length > 0 && now.every((r) => !before.some((b) => b.pid === r.pid))) break;
    if (i > 200) throw new Error("the event bus did not reconnect");
    await new Promise((r) => setTimeout(r, 25));
  }
  await postUpdate(api, incident.id, { status: "IDENTIFIED", message: "after the reconnect" });
  // The incident's creation may reach the subscriber first: wait for the update itself.
  await waitFor(() => sub.received.some((r) => r.data.incidentUpdated.updates[0]?.message === "after the reconnect"));
});
