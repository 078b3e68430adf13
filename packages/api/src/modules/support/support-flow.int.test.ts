import "reflect-metadata";
import { afterAll, beforeAll, expect, test } from "vitest";
import { anAccount, aMember, MINUTE } from "../../test/support-factories.js";
import { collect, startTestApi, waitFor, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
});
afterAll(() => api?.close());

const runDue = () => api.app.services.timers.runDue();

async function inbox(token: string) {
  const data = await api.must(
    `{ notifications(first: 50) { edges { node { id kind title dueAt ticket { id } } } } }`,
    {},
    token,
  );
  return data.notifications.edges.map((e: any) => e.node).reverse();
}

test("an Events API ticket warns its owner, breaches on time, climbs a schedule to a manager, and is reported", async () => {
  // Who answers: a support rota (one agent on call), then the ticket owner's manager as the last level.
  const agent = await aMember(api, "SUPPORT_AGENT", { name: "Agent on call" });
  const manager = await aMember(api, "SUPPORT_AGENT", { name: "Support manager" });
  await api.must(`mutation($u: ID!, $m: ID) { setUserManager(userId: $u, managerId: $m) { id } }`, {
    u: agent.id,
    m: manager.id,
  });
  await api.must(
    `mutation { updateNotificationPreferences(input: { leadMinutes: [30, 10] }) { leadMinutes } }`,
    {},
    agent.token,
  );
  const rota = (
    await api.must(`mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
      input: {
        name: "Support rota",
        timezone: "Europe/Dublin",
        layers: [
          {
            name: "Follow the sun",
            start: "2025-01-06T09:00:00Z",
            rotationTurnLengthSeconds: 604800,
            userIds: [agent.id],
          },
        ],
      },
    })
  ).createSchedule;
  const policy = (
    await api.must(`mutation($input: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $input) { id } }`, {
      input: {
        name: "Support escalation",
        levels: [
          { timeoutMinutes: 15, targets: [{ scheduleId: rota.id }] },
          { timeoutMinutes: 15, targets: [{ manager: true }] }, // the ticket owner's manager
        ],
      },
    })
  ).createEscalationPolicy;
  const service = (
    await api.must(
      `mutation($p: ID) { createService(input: { name: "Customer API", escalationPolicyId: $p }) { id } }`,
      {
        p: policy.id,
      },
    )
  ).createService;
  const account = await anAccount(api, "Acme");
  const { routingKey } = (
    await api.must(
      `mutation($s: ID!, $a: ID) { createIntegration(input: { serviceId: $s, name: "Monitoring", accountId: $a, openTicket: true }) { routingKey } }`,
      { s: service.id, a: account.id },
    )
  ).createIntegration;

  const feed = collect<any>(api.ws(agent.token), `subscription { notificationReceived { kind title } }`);
  await waitFor(() => api.app.services.bus.listenerCount() > 0);
  const from = new Date(api.clock.now().getTime() - 1000);

  // The event opens a P2 ticket (error → P2, 2 hours around the clock) owned by whoever is on call.
  const res = await fetch(`${api.url}/v2/enqueue`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      routing_key: routingKey,
      event_action: "trigger",
      dedup_key: "acme-sync-failing",
      payload: { summary: "Acme sync failing", source: "sync-worker-3", severity: "error" },
    }),
  });
  expect(res.status).toBe(202);
  const { tickets } = await api.must(`{ tickets(filter: { open: true }) { edges { node {
    id priority status assignee { id } sla { firstResponseDueAt breached } } } } }`);
  const ticket = tickets.edges[0].node;
  expect(ticket).toMatchObject({ priority: "P2", status: "NEW", assignee: { id: agent.id }, sla: { breached: false } });

  // Warned at the owner's lead times…
  api.clock.advance(90 * MINUTE + 1000);
  await runDue();
  api.clock.advance(20 * MINUTE);
  await runDue();
  expect((await inbox(agent.token)).map((n: any) => n.title)).toEqual([
    expect.stringContaining("first response due in 30 min"),
    expect.stringContaining("first response due in 10 min"),
  ]);
  await feed.until(2);

  // …breached on time (not a moment before), and the escalation pages the rota at once.
  api.clock.advance(10 * MINUTE - 2000);
  await runDue();
  expect((await inbox(agent.token)).map((n: any) => n.kind)).toEqual(["SLA_WARNING", "SLA_WARNING"]);
  api.clock.advance(2000);
  await runDue();
  const afterBreach = await inbox(agent.token);
  expect(afterBreach.map((n: any) => n.kind)).toEqual(["SLA_WARNING", "SLA_WARNING", "SLA_BREACHED", "PAGE"]);
  expect(afterBreach[2].dueAt).toBe(ticket.sla.firstResponseDueAt);
  expect(
    (await api.must(`query($id: ID!) { ticket(id: $id) { sla { breached } } }`, { id: ticket.id })).ticket.sla.breached,
  ).toBe(true);

  // Nobody answers the page: 15 minutes later the manager is paged.
  expect(await inbox(manager.token)).toEqual([]);
  api.clock.advance(15 * MINUTE);
  await runDue();
  const [page] = await inbox(manager.token);
  expect(page).toMatchObject({ kind: "PAGE", title: expect.stringContaining("level 2"), ticket: { id: ticket.id } });
  await api.must(`mutation($id: ID!) { acknowledgeNotification(id: $id) { id } }`, { id: page.id }, manager.token);
  await api.must(
    `mutation($id: ID!) { respondToTicket(ticketId: $id, input: { message: "Looking now" }) { id } }`,
    { id: ticket.id },
    manager.token,
  );
  const escalations = await api.must(
    `query($id: ID!) { ticket(id: $id) { escalations { status acknowledgedBy { id } pages { level user { id } } } } }`,
    { id: ticket.id },
  );
  expect(escalations.ticket.escalations).toEqual([
    {
      status: "ACKNOWLEDGED",
      acknowledgedBy: { id: manager.id },
      pages: [
        { level: 1, user: { id: agent.id } },
        { level: 2, user: { id: manager.id } },
      ],
    },
  ]);

  // The SLA report shows a P2 answered in ~135 minutes against a 120-minute target.
  const report = await api.must(
    `query($f: DateTime!, $t: DateTime!) { slaReport(from: $f, to: $t) { priorities {
      priority count responded medianFirstResponseMinutes p90FirstResponseMinutes targetMinutes shareMet } } }`,
    { f: from.toISOString(), t: api.clock.now().toISOString() },
  );
  const p2 = report.slaReport.priorities.find((p: any) => p.priority === "P2");
  expect(p2).toMatchObject({ count: 1, responded: 1, targetMinutes: 120, shareMet: 0 });
  expect(p2.medianFirstResponseMinutes).toBeGreaterThan(135);
  expect(p2.medianFirstResponseMinutes).toBeLessThan(136);
  expect(report.slaReport.priorities.map((p: any) => p.priority)).toEqual(["P1", "P2", "P3", "P4"]);
});

test("incident metrics: mean time to acknowledge and to resolve", async () => {
  const from = new Date(api.clock.now().getTime() - 1000);
  const incident = (
    await api.must(`mutation { reportIncident(input: { title: "Slow search", severity: SEV3 }) { id } }`)
  ).reportIncident;
  api.clock.advance(4 * MINUTE);
  await api.must(
    `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, message: "Index rebuild", visibility: PUBLIC }) { id } }`,
    { id: incident.id },
  );
  api.clock.advance(26 * MINUTE);
  await api.must(
    `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: RESOLVED, message: "Fixed", visibility: PUBLIC }) { id } }`,
    { id: incident.id },
  );
  const { incidentMetrics } = await api.must(
    `query($f: DateTime!, $t: DateTime!) { incidentMetrics(from: $f, to: $t) { count acknowledged resolved mttaMinutes mttrMinutes } }`,
    { f: from.toISOString(), t: api.clock.now().toISOString() },
  );
  expect(incidentMetrics).toMatchObject({ count: 1, acknowledged: 1, resolved: 1 });
  expect(incidentMetrics.mttaMinutes).toBeCloseTo(4, 1);
  expect(incidentMetrics.mttrMinutes).toBeCloseTo(30, 1);
  const bad = await api.gql(`query($f: DateTime!) { slaReport(from: $f, to: $f) { from } }`, { f: from.toISOString() });
  expect(bad.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
});
