import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anAccount, aMember } from "../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false }, settings: { eventsRateLimitPerMinute: 5 } });
});
afterAll(() => api?.close());

const countRows = async (table: string) =>
  Number((await api.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

async function enqueue(body: unknown) {
  const res = await fetch(`${api.url}/v2/enqueue`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as any };
}

async function integration(options: Record<string, unknown> = {}) {
  const agent = await aMember(api, "SUPPORT_AGENT");
  const rota = (
    await api.must(`mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
      input: {
        name: `Rota ${agent.id}`,
        layers: [{ name: "L", start: "2025-01-01T00:00:00Z", rotationTurnLengthSeconds: 604800, userIds: [agent.id] }],
      },
    })
  ).createSchedule;
  const policy = (
    await api.must(`mutation($input: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $input) { id } }`, {
      input: { name: `Policy ${agent.id}`, levels: [{ timeoutMinutes: 15, targets: [{ scheduleId: rota.id }] }] },
    })
  ).createEscalationPolicy;
  const service = (
    await api.must(`mutation($input: CreateServiceInput!) { createService(input: $input) { id } }`, {
      input: { name: `Checkout ${agent.id}`, escalationPolicyId: policy.id },
    })
  ).createService;
  const account = await anAccount(api);
  const created = (
    await api.must(
      `mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { id routingKey openTicket } }`,
      {
        input: {
          serviceId: service.id,
          name: "Monitoring",
          accountId: account.id,
          openTicket: true,
          incidentSeverities: [{ severity: "critical", incidentSeverity: "SEV2" }],
          ...options,
        },
      },
    )
  ).createIntegration;
  return { routingKey: created.routingKey as string, agent, account };
}

const trigger = (routingKey: string, extra: Record<string, unknown> = {}, severity = "critical") => ({
  routing_key: routingKey,
  event_action: "trigger",
  payload: {
    summary: "Checkout error rate above 5%",
    source: "checkout-api-1",
    severity,
    component: "checkout",
    group: "prod",
    class: "errors",
    custom_details: { rate: 0.07 },
  },
  ...extra,
});

describe("Events API v2 intake", () => {
  test("a critical trigger opens a P1 ticket owned by whoever is on call and a SEV2 incident, linked", async () => {
    const { routingKey, agent, account } = await integration();
    const res = await enqueue(trigger(routingKey, { dedup_key: "checkout-errors" }));
    expect(res).toMatchObject({
      status: 202,
      body: { status: "success", message: "Event processed", dedup_key: "checkout-errors" },
    });
    const [alert] = await api.sql<any>(
      "SELECT a.status, a.event_count, t.priority, t.assignee_id, t.source, t.account_id, i.severity, i.id AS incident_id, t.incident_id = i.id AS linked FROM alert a JOIN ticket t ON t.id = a.ticket_id JOIN incident i ON i.id = a.incident_id WHERE a.dedup_key = $1",
      ["checkout-errors"],
    );
    expect(alert).toMatchObject({
      status: "TRIGGERED",
      event_count: 1,
      priority: "P1",
      assignee_id: agent.id,
      source: "EVENTS_API",
      account_id: account.id,
      severity: "SEV2",
      linked: true,
    });
    const { incident } = await api.must(
      `query($id: ID!) { incident(id: $id) { customersAffected linkedAccountCount } }`,
      {
        id: alert.incident_id,
      },
    );
    expect(incident).toEqual({ customersAffected: 1, linkedAccountCount: 1 });
  });

  test("a repeated trigger dedups into the open alert; acknowledge and resolve follow the dedup key", async () => {
    const { routingKey } = await integration();
    const first = await enqueue(trigger(routingKey, {}, "warning"));
    const key = first.body.dedup_key;
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const tickets = await countRows("ticket");
    const again = await enqueue(trigger(routingKey, { dedup_key: key }, "warning"));
    expect(again.body.dedup_key).toBe(key);
    expect(await countRows("ticket")).toBe(tickets);
    expect((await api.sql<any>("SELECT event_count FROM alert WHERE dedup_key = $1", [key]))[0].event_count).toBe(2);
    expect((await enqueue({ routing_key: routingKey, event_action: "acknowledge", dedup_key: key })).status).toBe(202);
    expect((await api.sql<any>("SELECT status FROM alert WHERE dedup_key = $1", [key]))[0].status).toBe("ACKNOWLEDGED");
    expect((await enqueue({ routing_key: routingKey, event_action: "resolve", dedup_key: key })).status).toBe(202);
    expect((await api.sql<any>("SELECT status FROM alert WHERE dedup_key = $1", [key]))[0].status).toBe("RESOLVED");
    await enqueue(trigger(routingKey, { dedup_key: key }, "warning"));
    expect(await api.sql<any>("SELECT status FROM alert WHERE dedup_key = $1 ORDER BY created_at", [key])).toEqual([
      { status: "RESOLVED" },
      { status: "TRIGGERED" },
    ]);
  });

  test("acknowledging the alert stops its ticket's escalation", async () => {
    const { routingKey } = await integration();
    await enqueue(trigger(routingKey, { dedup_key: "ack-me" }, "error"));
    const [alert] = await api.sql<{ ticket_id: string }>("SELECT ticket_id FROM alert WHERE dedup_key = 'ack-me'");
    const ticket_id = alert!.ticket_id;
    const escalated = await api.must(
      `mutation($t: ID!) { escalateTicket(ticketId: $t, input: { reason: "Customer waiting" }) { status } }`,
      { t: ticket_id },
    );
    expect(escalated.escalateTicket.status).toBe("ACTIVE");
    expect((await enqueue({ routing_key: routingKey, event_action: "acknowledge", dedup_key: "ack-me" })).status).toBe(
      202,
    );
    const view = await api.must(`query($t: ID!) { ticket(id: $t) { escalations { status } } }`, { t: ticket_id });
    expect(view.ticket.escalations).toEqual([{ status: "ACKNOWLEDGED" }]);
  });

  test("malformed events get 400 naming the problems, and change nothing", async () => {
    const { routingKey } = await integration();
    const alerts = await countRows("alert");
    const malformed = await enqueue("{not json");
    expect(malformed).toMatchObject({
      status: 400,
      body: { status: "invalid event", message: "Event object is invalid", errors: ["Malformed JSON"] },
    });
    const bad = await enqueue({
      routing_key: routingKey,
      event_action: "trigger",
      payload: { summary: "", severity: "fatal" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      "'payload.summary' is missing or blank",
      "'payload.source' is missing or blank",
      "'payload.severity' is invalid (must be one of: critical, error, warning, info)",
    ]);
    const unknown = await enqueue(trigger("ffffffffffffffffffffffffffffffff"));
    expect(unknown).toMatchObject({ status: 400, body: { errors: ["'routing_key' does not name an integration"] } });
    const noKey = await enqueue({ event_action: "resolve" });
    expect(noKey.body.errors).toEqual([
      "'routing_key' is missing or blank",
      "'dedup_key' is missing or blank (required to resolve)",
    ]);
    expect(await countRows("alert")).toBe(alerts);
  });

  test("past the per-key rate: 429 with Retry-After, other keys unaffected", async () => {
    const one = await integration({ openTicket: false, incidentSeverities: [] });
    const two = await integration({ openTicket: false, incidentSeverities: [] });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await enqueue(trigger(one.routingKey, { dedup_key: "same" }))).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = await enqueue(trigger(one.routingKey));
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(limited.body.status).toBe("throttle event");
    expect((await enqueue(trigger(two.routingKey))).status).toBe(202);
  });

  test("integration settings are validated", async () => {
    const res = await api.gql(
      `mutation { createIntegration(input: { serviceId: "00000000-0000-4000-8000-00000000dead", name: "x" }) { id } }`,
    );
    expect(res.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const service = (await api.must(`mutation { createService(input: { name: "Billing" }) { id } }`)).createService;
    const noAccount = await api.gql(
      `mutation($s: ID!) { createIntegration(input: { serviceId: $s, name: "x", openTicket: true }) { id } }`,
      { s: service.id },
    );
    expect(noAccount.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.accountId": expect.any(String) },
    });
    const badSeverity = await api.gql(
      `mutation($s: ID!) { createIntegration(input: { serviceId: $s, name: "x", incidentSeverities: [{ severity: "fatal", incidentSeverity: SEV1 }] }) { id } }`,
      { s: service.id },
    );
    expect(badSeverity.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(await countRows("integration")).toBeGreaterThan(0);
  });
});
