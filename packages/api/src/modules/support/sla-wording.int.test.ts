import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anAccount, aMember, MINUTE } from "../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
});
afterAll(() => api?.close());

const runDue = () => api.app.services.timers.runDue();
const setClock = (iso: string) => api.clock.advance(Date.parse(iso) - api.clock.now().getTime());
/** The clock time a reader in `timeZone` sees, told independently of the API: "11:00 EST". */
const clockIn = (timeZone: string, iso: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(new Date(iso));

async function inbox(token: string) {
  const data = await api.must(`{ notifications(first: 100) { edges { node { kind body } } } }`, {}, token);
  return data.notifications.edges.map((e: any) => e.node);
}

async function memberIn(role: string, timezone: string) {
  const member = await aMember(api, role);
  await api.must(`mutation($u: ID!, $z: String) { setUserTimezone(userId: $u, timezone: $z) { id } }`, {
    u: member.id,
    z: timezone,
  });
  return member;
}

async function openTicket(assigneeId: string | null) {
  const account = await anAccount(api);
  return (
    await api.must(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id sla { firstResponseDueAt } } }`,
      { input: { accountId: account.id, subject: "Cannot log in", priority: "P1", assigneeId } },
    )
  ).openTicket;
}

describe("SLA warnings and pages are worded for their reader", () => {
  test("regression: SLA warnings gave the deadline as raw UTC; now in the owner's zone, in the right tense", async () => {
    setClock("2030-01-15T14:00:10Z");
    const agent = await memberIn("SUPPORT_AGENT", "America/New_York");
    const ticket = await openTicket(agent.id);
    const due = ticket.sla.firstResponseDueAt as string;
    setClock(new Date(Date.parse(due) - 30 * MINUTE + 5000).toISOString());
    await runDue();
    expect(await inbox(agent.token)).toEqual([
      {
        kind: "SLA_WARNING",
        body: `The first response to "Cannot log in" is due at ${clockIn("America/New_York", due)}, in 30 minutes.`,
      },
    ]);
    setClock(new Date(Date.parse(due) + MINUTE + 5000).toISOString());
    await runDue();
    await runDue();
    expect((await inbox(agent.token))[0]).toEqual({
      kind: "SLA_BREACHED",
      body: `The first response to "Cannot log in" was due at ${clockIn("America/New_York", due)}, 1 minute ago.`,
    });
  });

  test("a page tells the person paged when the ticket's response is due, in their zone", async () => {
    const paged = await memberIn("SUPPORT_AGENT", "Europe/Berlin");
    const policy = (
      await api.must(
        `mutation($input: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $input) { id } }`,
        { input: { name: "Straight to Berlin", levels: [{ timeoutMinutes: 10, targets: [{ userId: paged.id }] }] } },
      )
    ).createEscalationPolicy;
    const ticket = await openTicket(null);
    await api.must(
      `mutation($t: ID!, $p: ID) { escalateTicket(ticketId: $t, input: { escalationPolicyId: $p, reason: "Customer is down" }) { id } }`,
      { t: ticket.id, p: policy.id },
    );
    const due = ticket.sla.firstResponseDueAt as string;
    expect(await inbox(paged.token)).toEqual([
      {
        kind: "PAGE",
        body: `Customer is down — "Cannot log in". Its first response is due at ${clockIn("Europe/Berlin", due)}, in 2 hours. Acknowledge to take it.`,
      },
    ]);
  });
});
