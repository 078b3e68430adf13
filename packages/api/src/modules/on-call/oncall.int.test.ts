import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anAccount, aMember, MINUTE } from "../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
});
afterAll(() => api?.close());

const WEEK = 7 * 86_400;
const runDue = () => api.app.services.timers.runDue();
const countRows = async (table: string) =>
  Number((await api.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

async function schedule(name: string, layers: Record<string, unknown>[], timezone = "UTC") {
  const data = await api.must(
    `mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id name timezone layers { name users { id } } } }`,
    { input: { name, timezone, layers } },
  );
  return data.createSchedule;
}

async function onCall(vars: Record<string, unknown>) {
  const data = await api.must(
    `query($s: ID, $p: ID, $at: DateTime) { onCall(scheduleId: $s, escalationPolicyId: $p, at: $at) {
      user { id } schedule { id } escalationLevel source } }`,
    vars,
  );
  return data.onCall;
}

async function pages(token: string) {
  const data = await api.must(
    `{ notifications(first: 50) { edges { node { id kind title ticket { id } } } } }`,
    {},
    token,
  );
  return data.notifications.edges.map((e: any) => e.node).filter((n: any) => n.kind === "PAGE");
}

describe("schedules", () => {
  test("weekly rotation, business-hours restriction in the schedule's time zone, and overrides", async () => {
    const [a, b, c] = [
      await aMember(api, "SUPPORT_AGENT"),
      await aMember(api, "SUPPORT_AGENT"),
      await aMember(api, "SUPPORT_AGENT"),
    ];
    const s = await schedule(
      "Berlin support",
      [
        {
          name: "Weekdays",
          start: "2026-01-05T09:00:00+01:00",
          rotationTurnLengthSeconds: WEEK,
          userIds: [a.id, b.id],
          restrictions: [{ startTimeOfDay: "09:00", durationSeconds: 8 * 3600 }],
        },
      ],
      "Europe/Berlin",
    );
    expect((await onCall({ s: s.id, at: "2026-01-06T08:30:00Z" }))[0]).toMatchObject({
      user: { id: a.id },
      source: "layer:Weekdays",
    });
    expect((await onCall({ s: s.id, at: "2026-01-13T08:30:00Z" }))[0].user.id).toBe(b.id);
    expect(await onCall({ s: s.id, at: "2026-01-06T16:30:00Z" })).toEqual([]);
    await api.must(
      `mutation($s: ID!, $u: ID!) { addScheduleOverride(scheduleId: $s, input: { userId: $u, start: "2026-01-06T08:00:00Z", end: "2026-01-06T12:00:00Z" }) { id } }`,
      { s: s.id, u: c.id },
    );
    expect((await onCall({ s: s.id, at: "2026-01-06T08:30:00Z" }))[0]).toMatchObject({
      user: { id: c.id },
      source: "override",
    });
    expect((await onCall({ s: s.id, at: "2026-01-06T12:30:00Z" }))[0].user.id).toBe(a.id);
  });

  test("bad schedules, overrides for unknown schedules and manager cycles change nothing", async () => {
    const a = await aMember(api, "SUPPORT_AGENT");
    const before = await countRows("oncall_schedule");
    const bad = await api.gql(`mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
      input: {
        name: "Broken",
        timezone: "Mars/Olympus",
        layers: [
          {
            name: "L",
            start: "2026-01-05T00:00:00Z",
            end: "2026-01-01T00:00:00Z",
            rotationTurnLengthSeconds: WEEK,
            userIds: [a.id],
          },
        ],
      },
    });
    expect(bad.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(Object.keys(bad.errors?.[0]?.extensions.fields ?? {})).toEqual(expect.arrayContaining(["input.timezone"]));
    expect(await countRows("oncall_schedule")).toBe(before);
    const unknown = await api.gql(
      `mutation($u: ID!) { addScheduleOverride(scheduleId: "00000000-0000-4000-8000-00000000dead", input: { userId: $u, start: "2026-01-06T08:00:00Z", end: "2026-01-06T09:00:00Z" }) { id } }`,
      { u: a.id },
    );
    expect(unknown.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const m = await aMember(api, "SUPPORT_AGENT");
    await api.must(`mutation($u: ID!, $m: ID) { setUserManager(userId: $u, managerId: $m) { manager { id } } }`, {
      u: a.id,
      m: m.id,
    });
    const cycle = await api.gql(`mutation($u: ID!, $m: ID) { setUserManager(userId: $u, managerId: $m) { id } }`, {
      u: m.id,
      m: a.id,
    });
    expect(cycle.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(
      (await api.sql<{ manager_id: string | null }>("SELECT manager_id FROM app_user WHERE id = $1", [m.id]))[0]!
        .manager_id,
    ).toBeNull();
  });
});

describe("escalation", () => {
  async function setup(repeats = 0) {
    const agent = await aMember(api, "SUPPORT_AGENT");
    const manager = await aMember(api, "SUPPORT_AGENT", { name: "Support manager" });
    await api.must(`mutation($u: ID!, $m: ID) { setUserManager(userId: $u, managerId: $m) { id } }`, {
      u: agent.id,
      m: manager.id,
    });
    const rota = await schedule(`Rota ${agent.id}`, [
      { name: "All week", start: "2025-01-01T00:00:00Z", rotationTurnLengthSeconds: WEEK, userIds: [agent.id] },
    ]);
    const policy = (
      await api.must(
        `mutation($input: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $input) { id levels { level timeoutMinutes targets { user { id } schedule { id } } } } }`,
        {
          input: {
            name: `Support ${agent.id}`,
            repeats,
            levels: [
              { timeoutMinutes: 10, targets: [{ scheduleId: rota.id }] },
              { timeoutMinutes: 10, targets: [{ userId: manager.id }] },
            ],
          },
        },
      )
    ).createEscalationPolicy;
    const account = await anAccount(api);
    const ticket = (
      await api.must(
        `mutation($a: ID!) { openTicket(input: { accountId: $a, subject: "Data loss", priority: P1 }) { id } }`,
        { a: account.id },
      )
    ).openTicket;
    return { agent, manager, rota, policy, ticket };
  }

  const escalate = (ticketId: string, policyId: string | null) =>
    api.gql(
      `mutation($t: ID!, $p: ID) { escalateTicket(ticketId: $t, input: { escalationPolicyId: $p, reason: "Customer is down" }) {
        id status pages { level round user { id } } } }`,
      { t: ticketId, p: policyId },
    );

  test("one click pages whoever is on call, then the manager when nobody acknowledges", async () => {
    const { agent, manager, policy, ticket } = await setup();
    expect(await onCall({ p: policy.id })).toEqual([
      expect.objectContaining({ user: { id: agent.id }, escalationLevel: 1 }),
      expect.objectContaining({ user: { id: manager.id }, escalationLevel: 2, source: "user" }),
    ]);
    const res = await escalate(ticket.id, policy.id);
    expect(res.data?.escalateTicket).toMatchObject({
      status: "ACTIVE",
      pages: [{ level: 1, round: 1, user: { id: agent.id } }],
    });
    expect(await pages(agent.token)).toHaveLength(1);
    expect(await pages(manager.token)).toHaveLength(0);
    api.clock.advance(9 * MINUTE);
    await runDue();
    expect(await pages(manager.token)).toHaveLength(0);
    api.clock.advance(MINUTE + 1000);
    await runDue();
    await runDue();
    const [page] = await pages(manager.token);
    expect(page).toMatchObject({ title: expect.stringContaining("level 2"), ticket: { id: ticket.id } });
    api.clock.advance(10 * MINUTE + 1000);
    await runDue();
    const ticketView = await api.must(
      `query($id: ID!) { ticket(id: $id) { escalations { status pages { level } } } }`,
      { id: ticket.id },
    );
    expect(ticketView.ticket.escalations).toEqual([{ status: "EXHAUSTED", pages: [{ level: 1 }, { level: 2 }] }]);
  });

  test("an acknowledgement stops the climb", async () => {
    const { agent, manager, policy, ticket } = await setup(2);
    await escalate(ticket.id, policy.id);
    const [page] = await pages(agent.token);
    api.clock.advance(2 * MINUTE);
    await api.must(`mutation($id: ID!) { acknowledgeNotification(id: $id) { id } }`, { id: page.id }, agent.token);
    api.clock.advance(60 * MINUTE);
    await runDue();
    expect(await pages(manager.token)).toHaveLength(0);
    const view = await api.must(
      `query($id: ID!) { ticket(id: $id) { escalations { status acknowledgedBy { id } } } }`,
      { id: ticket.id },
    );
    expect(view.ticket.escalations).toEqual([{ status: "ACKNOWLEDGED", acknowledgedBy: { id: agent.id } }]);
  });

  test("without a policy the organization's default is used; none at all, or twice at once, is refused", async () => {
    const { policy, ticket } = await setup();
    const escalations = await countRows("escalation");
    const none = await escalate(ticket.id, null);
    expect(none.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(await countRows("escalation")).toBe(escalations);
    await api.must(`mutation($p: ID) { updateOrganization(input: { defaultEscalationPolicyId: $p }) { id } }`, {
      p: policy.id,
    });
    expect((await escalate(ticket.id, null)).data?.escalateTicket.status).toBe("ACTIVE");
    const twice = await escalate(ticket.id, null);
    expect(twice.errors?.[0]?.extensions.code).toBe("CONFLICT");
    const unknown = await escalate(ticket.id, "00000000-0000-4000-8000-00000000dead");
    expect(unknown.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect(await countRows("escalation")).toBe(escalations + 1);
    await api.must(`mutation { updateOrganization(input: { defaultEscalationPolicyId: null }) { id } }`);
  });
});

describe("escalation refusals", () => {
  test("a solved ticket, a malformed id or an unknown ticket is refused and nothing is paged", async () => {
    const account = await anAccount(api);
    const solved = (
      await api.must(
        `mutation($a: ID!) { openTicket(input: { accountId: $a, subject: "Done", priority: P3 }) { id } }`,
        { a: account.id },
      )
    ).openTicket;
    await api.must(`mutation($id: ID!) { updateTicket(ticketId: $id, input: { status: SOLVED }) { id } }`, {
      id: solved.id,
    });
    const before = [await countRows("escalation"), await countRows("notification")];
    const escalate = (id: string) =>
      api.gql(`mutation($t: ID!) { escalateTicket(ticketId: $t, input: { reason: "Help" }) { id } }`, { t: id });
    expect((await escalate(solved.id)).errors?.[0]?.extensions.code).toBe("INVALID_TRANSITION");
    // An id we never issued names no ticket: NOT_FOUND, like any unknown id.
    expect((await escalate("not-an-id")).errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      fields: { ticketId: expect.any(String) },
    });
    expect((await escalate("00000000-0000-4000-8000-00000000dead")).errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const blank = await api.gql(`mutation($t: ID!) { escalateTicket(ticketId: $t, input: { reason: " " }) { id } }`, {
      t: solved.id,
    });
    expect(blank.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.reason": expect.any(String) },
    });
    expect([await countRows("escalation"), await countRows("notification")]).toEqual(before);
  });
});

describe("the liaison schedule", () => {
  test("a major incident's liaison is whoever the organization's liaison schedule has on call", async () => {
    const [day, cover] = [await aMember(api, "SUPPORT_AGENT"), await aMember(api, "SUPPORT_AGENT")];
    const s = await schedule("Customer liaisons", [
      { name: "Always", start: "2025-01-01T00:00:00Z", rotationTurnLengthSeconds: WEEK, userIds: [day.id] },
    ]);
    await api.must(
      `mutation($s: ID) { updateOrganization(input: { liaisonScheduleId: $s }) { liaisonSchedule { id } } }`,
      { s: s.id },
    );
    const report = () =>
      api.must(`mutation { reportIncident(input: { title: "Outage", severity: SEV1 }) { liaison { id } } }`);
    expect((await report()).reportIncident.liaison.id).toBe(day.id);
    const now = api.clock.now();
    await api.must(
      `mutation($s: ID!, $u: ID!, $from: DateTime!, $to: DateTime!) { addScheduleOverride(scheduleId: $s, input: { userId: $u, start: $from, end: $to }) { id } }`,
      {
        s: s.id,
        u: cover.id,
        from: new Date(now.getTime() - MINUTE).toISOString(),
        to: new Date(now.getTime() + 60 * MINUTE).toISOString(),
      },
    );
    expect((await report()).reportIncident.liaison.id).toBe(cover.id);
    await api.must(`mutation { updateOrganization(input: { liaisonScheduleId: null }) { id } }`);
  });
});
