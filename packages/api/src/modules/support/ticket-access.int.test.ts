import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";
import { aMember, anAccount } from "../../test/support-factories.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const TICKET_WITH_INTERNALS = `query($id: ID!) { ticket(id: $id) {
  subject status priority sla { firstResponseDueAt } slaFirstResponseMinutes
  messages { body internal }
  escalations { reason status policy { name levels { level } } pages { user { name role } } }
  requester { name email } assignee { name email }
} }`;

async function anEscalatedTicket() {
  const account = await anAccount(api);
  const customer = await aMember(api, "CUSTOMER", { accountId: account.id });
  const agent = await aMember(api, "SUPPORT_AGENT", { name: "Agent Secret-Name" });
  const { createSchedule } = await api.must(
    `mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`,
    {
      input: {
        name: `Rota ${agent.id}`,
        timezone: "UTC",
        layers: [{ name: "All", start: "2025-01-06T00:00:00Z", rotationTurnLengthSeconds: 86400, userIds: [agent.id] }],
      },
    },
  );
  const { createEscalationPolicy } = await api.must(
    `mutation($input: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $input) { id } }`,
    {
      input: {
        name: `Internal policy ${agent.id}`,
        levels: [{ timeoutMinutes: 10, targets: [{ scheduleId: createSchedule.id }] }],
      },
    },
  );
  const { openTicket } = await api.must(
    `mutation { openTicket(input: { subject: "Sync failing", description: "since noon", priority: P2 }) { id } }`,
    {},
    customer.token,
  );
  await api.must(
    `mutation($id: ID!) { respondToTicket(ticketId: $id, input: { message: "internal: customer is on thin ice", internal: true }) { id } }`,
    { id: openTicket.id },
    agent.token,
  );
  await api.must(
    `mutation($id: ID!, $p: ID) { escalateTicket(ticketId: $id, input: { escalationPolicyId: $p, reason: "VIP unhappy, churn risk" }) { id } }`,
    { id: openTicket.id, p: createEscalationPolicy.id },
  );
  return { ticketId: openTicket.id as string, customer, agent };
}

describe("what each role sees of a ticket", () => {
  test("regression: a customer querying their own ticket got its escalations, policy and the paged agent's name", async () => {
    const { ticketId, customer } = await anEscalatedTicket();
    const res = await api.gql(TICKET_WITH_INTERNALS, { id: ticketId }, customer.token);
    expect(res.errors).toBeUndefined();
    const seen = JSON.stringify(res.data);
    expect(res.data!.ticket.subject).toBe("Sync failing");
    expect(res.data!.ticket.sla.firstResponseDueAt).toEqual(expect.any(String));
    expect(res.data!.ticket.escalations).toEqual([]);
    expect(res.data!.ticket.slaFirstResponseMinutes).toBeNull();
    expect(seen).not.toContain("churn risk");
    expect(seen).not.toContain("Internal policy");
    expect(seen).not.toContain("thin ice");
    const own = (await api.must(`{ me { email } }`, {}, customer.token)).me.email;
    const emails = seen.match(/[\w.+-]+@[\w.-]+/g) ?? [];
    expect(emails.filter((e) => e !== own)).toEqual([]); // nobody else's email
  });

  test("staff see the escalation, its policy and who was paged", async () => {
    const { ticketId } = await anEscalatedTicket();
    const res = await api.must(TICKET_WITH_INTERNALS, { id: ticketId });
    expect(res.ticket.escalations).toEqual([
      expect.objectContaining({
        reason: "VIP unhappy, churn risk",
        policy: expect.objectContaining({ name: expect.stringContaining("Internal policy") }),
        pages: [{ user: { name: "Agent Secret-Name", role: "SUPPORT_AGENT" } }],
      }),
    ]);
    expect(res.ticket.messages.map((m: { internal: boolean }) => m.internal)).toContain(true);
    expect(res.ticket.slaFirstResponseMinutes).toBe(120);
  });

  test("an anonymous reader cannot read a ticket at all", async () => {
    const { ticketId } = await anEscalatedTicket();
    const res = await api.gql(`query($id: ID!) { ticket(id: $id) { subject } }`, { id: ticketId }, null);
    expect(res.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  test("a customer of another account cannot read it", async () => {
    const { ticketId } = await anEscalatedTicket();
    const other = await aMember(api, "CUSTOMER", { accountId: (await anAccount(api)).id });
    const res = await api.gql(`query($id: ID!) { ticket(id: $id) { subject } }`, { id: ticketId }, other.token);
    expect(res.data?.ticket ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain("Sync failing");
  });
});
