import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_SLA_BUSINESS_HOURS, addWorkingMinutes } from "@liaison/domain";
import { anAccount, aMember, HOUR, MINUTE } from "../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
let agent: { id: string; token: string };
beforeAll(async () => {
  api = await startTestApi();
  agent = await aMember(api, "SUPPORT_AGENT");
});
afterAll(() => api?.close());

const TICKET = `id number subject priority status createdAt firstRespondedAt
  account { id name } incident { id customersAffected }
  sla { firstResponseDueAt nextResponseDueAt atRisk breached paused }`;

async function open(accountId: string, priority = "P1", token = api.adminToken) {
  const data = await api.must(
    `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET} } }`,
    { input: { accountId, subject: "Webhooks are failing", priority } },
    token,
  );
  return data.openTicket;
}

async function respond(ticketId: string, input: Record<string, unknown>, token = agent.token) {
  return api.gql(
    `mutation($id: ID!, $input: RespondToTicketInput!) { respondToTicket(ticketId: $id, input: $input) { ${TICKET} } }`,
    { id: ticketId, input },
    token,
  );
}

async function ticket(id: string, token = api.adminToken) {
  return (await api.must(`query($id: ID!) { ticket(id: $id) { ${TICKET} } }`, { id }, token)).ticket;
}

const countRows = async (table: string) =>
  Number((await api.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

describe("SLA clocks", () => {
  test("a P1 ticket must be answered within 2 hours: at risk in the last 30 minutes, breached after", async () => {
    const account = await anAccount(api);
    const t = await open(account.id);
    expect(t.status).toBe("NEW");
    expect(new Date(t.sla.firstResponseDueAt).getTime() - new Date(t.createdAt).getTime()).toBe(2 * HOUR);
    expect(t.sla).toMatchObject({ atRisk: false, breached: false, nextResponseDueAt: null });
    api.clock.advance(95 * MINUTE);
    expect((await ticket(t.id)).sla).toMatchObject({ atRisk: true, breached: false });
    api.clock.advance(26 * MINUTE);
    expect((await ticket(t.id)).sla).toMatchObject({ atRisk: false, breached: true });
  });

  test("a P4 ticket runs on business hours: 16 working hours, Monday to Friday 09:00–17:00 UTC", async () => {
    const account = await anAccount(api);
    const t = await open(account.id, "P4");
    const expected = addWorkingMinutes(DEFAULT_SLA_BUSINESS_HOURS, new Date(t.createdAt), 960);
    expect(t.sla.firstResponseDueAt).toBe(expected.toISOString());
    expect(new Date(t.sla.firstResponseDueAt).getTime() - new Date(t.createdAt).getTime()).toBeGreaterThanOrEqual(
      2 * 24 * HOUR - 16 * HOUR,
    );
  });

  test("the first public reply stops the first-response clock; a customer follow-up starts the next one", async () => {
    const account = await anAccount(api);
    const customer = await aMember(api, "CUSTOMER", { accountId: account.id });
    const t = await open(account.id, "P1", customer.token);
    api.clock.advance(10 * MINUTE);
    const note = await respond(t.id, { message: "Looking at the logs", internal: true });
    expect(note.data?.respondToTicket.firstRespondedAt).toBeNull();
    const reply = (await respond(t.id, { message: "We are on it" })).data!.respondToTicket;
    expect(reply.status).toBe("OPEN");
    expect(reply.firstRespondedAt).not.toBeNull();
    expect(reply.sla).toMatchObject({ firstResponseDueAt: null, nextResponseDueAt: null, breached: false });
    api.clock.advance(5 * MINUTE);
    const followUp = (await respond(t.id, { message: "Still broken" }, customer.token)).data!.respondToTicket;
    const now = api.clock.now().getTime();
    expect(Math.abs(new Date(followUp.sla.nextResponseDueAt).getTime() - (now + HOUR))).toBeLessThan(2_000);
  });

  test("the clock waits while the ticket waits on the customer", async () => {
    const account = await anAccount(api);
    const customer = await aMember(api, "CUSTOMER", { accountId: account.id });
    const t = await open(account.id, "P2", customer.token);
    api.clock.advance(30 * MINUTE);
    const waiting = await api.must(
      `mutation($id: ID!) { updateTicket(ticketId: $id, input: { status: PENDING_CUSTOMER }) { ${TICKET} } }`,
      { id: t.id },
    );
    expect(waiting.updateTicket.sla.paused).toBe(true);
    api.clock.advance(3 * HOUR);
    expect((await ticket(t.id)).sla).toMatchObject({ breached: false, paused: true });
    const back = (await respond(t.id, { message: "Here are the logs" }, customer.token)).data!.respondToTicket;
    expect(back.status).toBe("OPEN");
    expect(back.sla.paused).toBe(false);
    const due = new Date(back.sla.firstResponseDueAt).getTime();
    const expected = new Date(t.createdAt).getTime() + 2 * HOUR + 3 * HOUR;
    expect(Math.abs(due - expected)).toBeLessThan(2_000);
  });
});

describe("who sees and changes what", () => {
  test("customers see only their own account's tickets and cannot write internal notes", async () => {
    const mine = await anAccount(api);
    const theirs = await anAccount(api);
    const customer = await aMember(api, "CUSTOMER", { accountId: mine.id });
    const own = await open(mine.id, "P3", customer.token);
    const other = await open(theirs.id, "P3");
    expect(
      (await api.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: other.id }, customer.token)).data?.ticket,
    ).toBeNull();
    const list = await api.must(`{ tickets(first: 100) { edges { node { id account { id } } } } }`, {}, customer.token);
    expect(list.tickets.edges.map((e: any) => e.node.account.id)).toEqual([mine.id]);
    const before = await countRows("ticket_message");
    const res = await respond(own.id, { message: "psst", internal: true }, customer.token);
    expect(res.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions.fields).toHaveProperty("input.internal");
    const sneaky = await respond(other.id, { message: "hello" }, customer.token);
    expect(sneaky.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect(await countRows("ticket_message")).toBe(before);
  });

  test("anonymous readers get nothing", async () => {
    const res = await api.gql(`{ tickets { edges { node { id } } } }`, {}, null);
    expect(res.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  test("bad input, unknown ids and illegal moves change nothing", async () => {
    const account = await anAccount(api);
    const tickets = await countRows("ticket");
    const bad = await api.gql(
      `mutation { openTicket(input: { accountId: "${account.id}", subject: "", priority: P1 }) { id } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.subject": expect.any(String) },
    });
    const unknown = await api.gql(
      `mutation { openTicket(input: { accountId: "00000000-0000-4000-8000-00000000dead", subject: "x", priority: P1 }) { id } }`,
    );
    expect(unknown.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const wrongEnum = await api.gql(
      `mutation { openTicket(input: { accountId: "${account.id}", subject: "x", priority: P9 }) { id } }`,
    );
    expect(wrongEnum.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(await countRows("ticket")).toBe(tickets);

    const t = await open(account.id, "P2");
    await api.must(`mutation($id: ID!) { updateTicket(ticketId: $id, input: { status: SOLVED }) { id } }`, {
      id: t.id,
    });
    await api.must(`mutation($id: ID!) { updateTicket(ticketId: $id, input: { status: CLOSED }) { id } }`, {
      id: t.id,
    });
    const messages = await countRows("ticket_message");
    const late = await respond(t.id, { message: "one more thing" });
    expect(late.errors?.[0]?.extensions.code).toBe("INVALID_TRANSITION");
    const reopen = await api.gql(`mutation($id: ID!) { updateTicket(ticketId: $id, input: { status: OPEN }) { id } }`, {
      id: t.id,
    });
    expect(reopen.errors?.[0]?.extensions.code).toBe("INVALID_TRANSITION");
    expect(await countRows("ticket_message")).toBe(messages);
    expect((await ticket(t.id)).status).toBe("CLOSED");
    const missing = await respond("00000000-0000-4000-8000-00000000beef", { message: "hi" });
    expect(missing.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});

describe("tickets and incidents", () => {
  test("an incident's customersAffected counts the accounts of its linked tickets", async () => {
    const incident = (
      await api.must(`mutation { reportIncident(input: { title: "API errors", severity: SEV3 }) { id } }`)
    ).reportIncident;
    const [a, b] = [await anAccount(api), await anAccount(api)];
    const t1 = await open(a.id);
    const t2 = await open(a.id);
    const t3 = await open(b.id);
    const link = (ticketId: string, incidentId: string | null) =>
      api.gql(
        `mutation($t: ID!, $i: ID) { linkTicketToIncident(ticketId: $t, incidentId: $i) { id incident { id customersAffected } } }`,
        { t: ticketId, i: incidentId },
      );
    await link(t1.id, incident.id);
    await link(t2.id, incident.id);
    const third = await link(t3.id, incident.id);
    expect(third.data?.linkTicketToIncident.incident).toEqual({ id: incident.id, customersAffected: 2 });
    await link(t3.id, null);
    const after = await api.must(`query($id: ID!) { incident(id: $id) { customersAffected } }`, { id: incident.id });
    expect(after.incident.customersAffected).toBe(1);
    const wrong = await link(t3.id, "00000000-0000-4000-8000-00000000dead");
    expect(wrong.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect((await ticket(t3.id)).incident).toBeNull();
  });

  test("tickets are listed newest first, a page at a time, filtered by incident", async () => {
    const account = await anAccount(api);
    const ids = [];
    for (let i = 0; i < 3; i++) {
      api.clock.advance(1000);
      ids.push((await open(account.id, "P4")).id);
    }
    const q = `query($after: String, $a: ID) { tickets(first: 2, after: $after, filter: { accountId: $a }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const one = await api.must(q, { a: account.id });
    expect(one.tickets.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(one.tickets.pageInfo.hasNextPage).toBe(true);
    const two = await api.must(q, { a: account.id, after: one.tickets.pageInfo.endCursor });
    expect(two.tickets.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    expect(two.tickets.pageInfo.hasNextPage).toBe(false);
  });
});

describe("SLA policies", () => {
  test("an admin moves P3 to business hours in Berlin; a bad schedule is refused", async () => {
    const ok = await api.must(`mutation {
      updateSlaPolicy(priority: P3, input: { firstResponseMinutes: 240, nextResponseMinutes: 480,
        schedule: { kind: BUSINESS_HOURS, timezone: "Europe/Berlin", weekly: [{ weekday: 1, start: "08:00", end: "18:00" }] } }) {
        priority firstResponseMinutes schedule { kind timezone weekly { weekday start end } } } }`);
    expect(ok.updateSlaPolicy).toMatchObject({
      priority: "P3",
      firstResponseMinutes: 240,
      schedule: { timezone: "Europe/Berlin" },
    });
    const bad = await api.gql(`mutation {
      updateSlaPolicy(priority: P3, input: { firstResponseMinutes: 240, nextResponseMinutes: 480,
        schedule: { kind: BUSINESS_HOURS, timezone: "Mars/Olympus", weekly: [] } }) { priority } }`);
    expect(bad.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(Object.keys(bad.errors?.[0]?.extensions.fields ?? {})).toEqual(
      expect.arrayContaining(["input.schedule.timezone", "input.schedule.weekly"]),
    );
    const policies = await api.must(`{ slaPolicies { priority firstResponseMinutes } }`);
    expect(policies.slaPolicies).toContainEqual({ priority: "P3", firstResponseMinutes: 240 });
    expect(policies.slaPolicies).toContainEqual({ priority: "P1", firstResponseMinutes: 120 });
  });
});
