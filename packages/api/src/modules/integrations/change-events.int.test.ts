import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { anAccount, aMember, HOUR } from "../../test/support-factories.js";
import { postUpdate } from "../../test/factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
});
afterAll(() => api?.close());

const countChanges = async () => Number((await api.sql<{ n: string }>("SELECT count(*) AS n FROM change_event"))[0]!.n);

async function post(path: string, body: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}
const enqueueChange = (body: unknown) => post("/v2/change/enqueue", body);
const enqueueAlert = (body: unknown) => post("/v2/enqueue", body);

/** A service with an integration whose critical alerts report a SEV2 incident. */
async function aService() {
  const service = (
    await api.must(`mutation($input: CreateServiceInput!) { createService(input: $input) { id } }`, {
      input: { name: `Checkout ${randomBytes(4).toString("hex")}` },
    })
  ).createService as { id: string };
  const integration = (
    await api.must(`mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { routingKey } }`, {
      input: {
        serviceId: service.id,
        name: "Deploys and monitoring",
        incidentSeverities: [{ severity: "critical", incidentSeverity: "SEV2" }],
      },
    })
  ).createIntegration as { routingKey: string };
  return { id: service.id, routingKey: integration.routingKey };
}

const change = (routingKey: string, payload: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  routing_key: routingKey,
  payload: {
    summary: "Build Success: increase snapshot timeout to 30 seconds",
    timestamp: new Date(api.clock.now().getTime() - 60_000).toISOString(),
    source: "ci-runner-7",
    custom_details: { build_state: "passed", build_number: "2" },
    ...payload,
  },
  links: [{ href: "https://ci.example.test/build/2", text: "View the build" }],
  ...extra,
});

/** Reports an incident through a critical alert on the service; its id. */
async function anIncidentOf(service: { routingKey: string }) {
  const dedup = randomBytes(8).toString("hex");
  const res = await enqueueAlert({
    routing_key: service.routingKey,
    event_action: "trigger",
    dedup_key: dedup,
    payload: { summary: "Checkout error rate above 5%", source: "checkout-1", severity: "critical" },
  });
  expect(res.status).toBe(202);
  const [alert] = await api.sql<{ incident_id: string }>("SELECT incident_id FROM alert WHERE dedup_key = $1", [dedup]);
  return alert!.incident_id;
}

const CHANGE_FIELDS = `id summary source timestamp customDetails links { href text } receivedAt service { id }`;
const changeEvents = async (serviceId: string, since?: string) =>
  (
    await api.must(
      `query($s: ID!, $since: DateTime) { changeEvents(serviceId: $s, since: $since) { ${CHANGE_FIELDS} } }`,
      {
        s: serviceId,
        since,
      },
    )
  ).changeEvents as any[];
const recentChanges = async (incidentId: string, token?: string | null) =>
  (await api.must(`query($id: ID!) { incident(id: $id) { recentChanges { summary } } }`, { id: incidentId }, token))
    .incident?.recentChanges as { summary: string }[] | undefined;

describe("change events (POST /v2/change/enqueue)", () => {
  test("an accepted change event is 202, listed for its service and shown on that service's incidents only", async () => {
    const checkout = await aService();
    const billing = await aService();
    const checkoutIncident = await anIncidentOf(checkout);
    const billingIncident = await anIncidentOf(billing);

    const sent = change(checkout.routingKey);
    const res = await enqueueChange(sent);
    expect(res).toEqual({ status: 202, body: { status: "success", message: "Change event processed" } });

    const [listed] = await changeEvents(checkout.id);
    expect(listed).toMatchObject({
      summary: sent.payload.summary,
      source: "ci-runner-7",
      timestamp: sent.payload.timestamp,
      customDetails: { build_state: "passed", build_number: "2" },
      links: [{ href: "https://ci.example.test/build/2", text: "View the build" }],
      service: { id: checkout.id },
    });
    expect(await changeEvents(billing.id)).toEqual([]);

    expect(await recentChanges(checkoutIncident)).toEqual([{ summary: sent.payload.summary }]);
    expect(await recentChanges(billingIncident)).toEqual([]);
  });

  test("a change event without a timestamp is refused (the contract requires one) and nothing is stored", async () => {
    const service = await aService();
    const res = await enqueueChange({ routing_key: service.routingKey, payload: { summary: "Secret rotated" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: "invalid event", errors: ["'payload.timestamp' is missing"] });
    expect(await changeEvents(service.id)).toEqual([]);
  });

  test("newest first; `since` and the incident's window (a day before it was reported) leave older changes out", async () => {
    const service = await aService();
    const now = api.clock.now().getTime();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
    for (const [summary, hoursAgo] of [
      ["Three days ago", 72],
      ["Two hours ago", 2],
      ["Twenty hours ago", 20],
    ] as const)
      expect((await enqueueChange(change(service.routingKey, { summary, timestamp: at(hoursAgo) }))).status).toBe(202);
    const incident = await anIncidentOf(service);

    expect((await changeEvents(service.id)).map((c) => c.summary)).toEqual([
      "Two hours ago",
      "Twenty hours ago",
      "Three days ago",
    ]);
    expect((await changeEvents(service.id, at(24))).map((c) => c.summary)).toEqual([
      "Two hours ago",
      "Twenty hours ago",
    ]);
    expect(await recentChanges(incident)).toEqual([{ summary: "Two hours ago" }, { summary: "Twenty hours ago" }]);

    // A change after the incident was reported is recent too (up to now).
    await enqueueChange(change(service.routingKey, { summary: "Rolled back", timestamp: at(0) }));
    expect((await recentChanges(incident))?.[0]).toEqual({ summary: "Rolled back" });
  });

  test("recentChanges of a list of incidents is one query for all of them", async () => {
    const services = [await aService(), await aService(), await aService()];
    const incidents: string[] = [];
    for (const [i, service] of services.entries()) {
      await enqueueChange(change(service.routingKey, { summary: `Deploy ${i}` }));
      incidents.push(await anIncidentOf(service));
    }
    const spy = vi.spyOn(api.app.services.db, "query");
    try {
      const { incidents: page } = await api.must(
        `query { incidents(first: 100) { edges { node { id recentChanges { summary } } } } }`,
      );
      const byId = new Map<string, string[]>(
        page.edges.map((e: any) => [e.node.id, e.node.recentChanges.map((c: any) => c.summary)]),
      );
      expect(incidents.map((id) => byId.get(id))).toEqual([["Deploy 0"], ["Deploy 1"], ["Deploy 2"]]);
      const changeQueries = spy.mock.calls.filter(([sql]) => String(sql).includes("change_event"));
      expect(changeQueries).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  test("bad events are 400 in PagerDuty's shape, naming the problem, and store nothing", async () => {
    const service = await aService();
    const before = await countChanges();
    const cases: [unknown, string][] = [
      [change("ffffffffffffffffffffffffffffffff"), "'routing_key' does not name an integration"],
      [change("short"), "Length of 'routing_key' is incorrect (should be 32 characters)"],
      [{ payload: { summary: "x" } }, "'routing_key' is missing or blank"],
      [change(service.routingKey, { summary: undefined }), "'payload.summary' is missing or blank"],
      [change(service.routingKey, { summary: "  " }), "'payload.summary' is missing or blank"],
      [{ routing_key: service.routingKey }, "'payload' is missing or not an object"],
      [change(service.routingKey, { timestamp: "yesterday" }), "'payload.timestamp' is not a valid ISO 8601 date-time"],
      [
        change(service.routingKey, { timestamp: "0001-01-01T00:00:00Z" }),
        "'payload.timestamp' must not be before 1970",
      ],
      [change(service.routingKey, { summary: "deploy\u0000" }), "'payload.summary' must not contain the NUL character"],
      [
        change(service.routingKey, { source: "host\u001b[2J" }),
        "'payload.source' must not contain the control character U+001B",
      ],
      [
        change(service.routingKey, { custom_details: { log: ["ok", "bad\u0007"] } }),
        "'payload.custom_details.log.1' must not contain the control character U+0007",
      ],
      [
        change(service.routingKey, {}, { links: [{ href: "javascript:alert(1)" }] }),
        "'links.0.href' must be an http or https URL",
      ],
      [change(service.routingKey, {}, { links: [{ text: "no href" }] }), "'links.0.href' is missing or blank"],
      ["{not json", "Malformed JSON"],
    ];
    for (const [body, error] of cases) {
      const res = await enqueueChange(body);
      expect(res.status, error).toBe(400);
      expect(res.body).toMatchObject({ status: "invalid event", message: "Event object is invalid" });
      expect(res.body.errors).toContain(error);
    }
    expect(await countChanges()).toBe(before);
    expect(await changeEvents(service.id)).toEqual([]);
  });

  test("JSON nested too deeply is 400, not a server error", async () => {
    const service = await aService();
    const deep = `{"routing_key":"${service.routingKey}","payload":{"summary":"x","custom_details":${"[".repeat(200_000)}${"]".repeat(200_000)}}}`;
    const res = await enqueueChange(deep);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatch(/is nested too deeply/);
  });

  test("customers and anonymous readers see no change events, nor an incident's recent changes", async () => {
    const service = await aService();
    await enqueueChange(change(service.routingKey, { summary: "Feature flag flipped" }));
    const incident = await anIncidentOf(service);
    expect((await postUpdate(api, incident, {})).errors).toBeUndefined(); // public: anonymous readers may read it
    const account = await anAccount(api);
    const customer = await aMember(api, "CUSTOMER", { accountId: account.id });
    const agent = await aMember(api, "SUPPORT_AGENT");

    expect(await recentChanges(incident, agent.token)).toEqual([{ summary: "Feature flag flipped" }]);
    expect(await recentChanges(incident, customer.token)).toEqual([]);
    expect(await recentChanges(incident, null)).toEqual([]);

    const query = `query($s: ID!) { changeEvents(serviceId: $s) { summary } }`;
    const asCustomer = await api.gql(query, { s: service.id }, customer.token);
    expect(asCustomer.data).toBeNull();
    expect(asCustomer.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const anonymous = await api.gql(query, { s: service.id }, null);
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  test("changeEvents of an unknown service is NOT_FOUND", async () => {
    const res = await api.gql(`query { changeEvents(serviceId: "00000000-0000-4000-8000-00000000dead") { id } }`);
    expect(res.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});

describe("the size of an event is PagerDuty's: 512 KB for the whole body", () => {
  const padding = (bytes: number) => ({ blob: "x".repeat(bytes) });

  test("101 KB of custom_details is accepted, for alerts and change events alike", async () => {
    const service = await aService();
    const changeRes = await enqueueChange(change(service.routingKey, { custom_details: padding(101 * 1024) }));
    expect(changeRes.status).toBe(202);
    const [stored] = await changeEvents(service.id);
    expect(stored.customDetails.blob).toHaveLength(101 * 1024);
    const alertRes = await enqueueAlert({
      routing_key: service.routingKey,
      event_action: "trigger",
      payload: { summary: "Big", source: "s", severity: "info", custom_details: padding(101 * 1024) },
    });
    expect(alertRes.status).toBe(202);
    const [alert] = await api.sql<{ n: number }>(
      "SELECT length(custom_details->>'blob') AS n FROM alert WHERE dedup_key = $1",
      [alertRes.body.dedup_key],
    );
    expect(alert!.n).toBe(101 * 1024);
  });

  test("a 600 KB body is 400 invalid event (not 413) on both routes, and stores nothing", async () => {
    const service = await aService();
    const changes = await countChanges();
    const alerts = Number((await api.sql<{ n: string }>("SELECT count(*) AS n FROM alert"))[0]!.n);
    const tooLarge = { status: 400, body: { status: "invalid event", message: "Event object is invalid" } };
    const changeRes = await enqueueChange(change(service.routingKey, { custom_details: padding(600 * 1024) }));
    expect(changeRes).toMatchObject(tooLarge);
    expect(changeRes.body.errors).toEqual(["Event is too large (at most 512 KB)"]);
    const alertRes = await enqueueAlert({
      routing_key: service.routingKey,
      event_action: "trigger",
      payload: { summary: "Big", source: "s", severity: "info", custom_details: padding(600 * 1024) },
    });
    expect(alertRes).toMatchObject(tooLarge);
    expect(await countChanges()).toBe(changes);
    expect(Number((await api.sql<{ n: string }>("SELECT count(*) AS n FROM alert"))[0]!.n)).toBe(alerts);
  });

  test("just under 512 KB is accepted", async () => {
    const service = await aService();
    const body = change(service.routingKey, { custom_details: padding(0) });
    const room = 512 * 1024 - Buffer.byteLength(JSON.stringify(body));
    const res = await enqueueChange(change(service.routingKey, { custom_details: padding(room) }));
    expect(res.status).toBe(202);
  });
});
