import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anAccount, aMember, HOUR, MINUTE } from "../../../test/support-factories.js";
import { collect, startTestApi, waitFor, type TestApi } from "../../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
});
afterAll(() => api?.close());

const runDue = () => api.app.services.timers.runDue();

async function openAssigned(assigneeId: string, priority = "P1") {
  const account = await anAccount(api);
  const data = await api.must(
    `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number createdAt sla { firstResponseDueAt } } }`,
    { input: { accountId: account.id, subject: "Cannot log in", priority, assigneeId } },
  );
  return data.openTicket;
}

async function myNotifications(token: string) {
  const data = await api.must(
    `{ notifications(first: 100) { edges { node { id kind title dueAt acknowledgedAt ticket { id } } } } }`,
    {},
    token,
  );
  return data.notifications.edges.map((e: any) => e.node);
}

describe("SLA warnings and breaches", () => {
  test("the owner is warned at their lead times, then told of the breach, each exactly once", async () => {
    const agent = await aMember(api, "SUPPORT_AGENT");
    await api.must(
      `mutation { updateNotificationPreferences(input: { channels: [IN_APP], leadMinutes: [10, 30] }) { leadMinutes channels } }`,
      {},
      agent.token,
    );
    const client = api.ws(agent.token);
    const feed = collect<any>(client, `subscription { notificationReceived { kind title ticket { id } } }`);
    await waitFor(() => api.app.services.bus.listenerCount() > 0);
    const ticket = await openAssigned(agent.id);

    api.clock.advance(89 * MINUTE);
    await runDue();
    expect(await myNotifications(agent.token)).toEqual([]);
    api.clock.advance(2 * MINUTE);
    await runDue();
    await feed.until(1);
    expect(feed.received[0]?.data?.notificationReceived).toMatchObject({
      kind: "SLA_WARNING",
      title: expect.stringContaining("due in 29 min"),
      ticket: { id: ticket.id },
    });
    api.clock.advance(20 * MINUTE);
    await runDue();
    api.clock.advance(10 * MINUTE);
    await runDue();
    await runDue();
    const all = await myNotifications(agent.token);
    expect(all.map((n: any) => n.kind)).toEqual(["SLA_BREACHED", "SLA_WARNING", "SLA_WARNING"]);
    expect(new Set(all.map((n: any) => n.dueAt))).toEqual(new Set([ticket.sla.firstResponseDueAt]));
    await feed.until(3);
    expect(feed.received).toHaveLength(3);
  });

  test("a ticket answered in time is never warned about nor breached", async () => {
    const agent = await aMember(api, "SUPPORT_AGENT");
    const ticket = await openAssigned(agent.id, "P2");
    api.clock.advance(20 * MINUTE);
    await api.must(
      `mutation($id: ID!) { respondToTicket(ticketId: $id, input: { message: "On it" }) { id } }`,
      { id: ticket.id },
      agent.token,
    );
    api.clock.advance(3 * HOUR);
    await runDue();
    expect(await myNotifications(agent.token)).toEqual([]);
  });

  test("reassigning warns the new owner, not the old one", async () => {
    const [first, second] = [await aMember(api, "SUPPORT_AGENT"), await aMember(api, "SUPPORT_AGENT")];
    const ticket = await openAssigned(first.id);
    await api.must(`mutation($id: ID!, $a: ID) { updateTicket(ticketId: $id, input: { assigneeId: $a }) { id } }`, {
      id: ticket.id,
      a: second.id,
    });
    api.clock.advance(100 * MINUTE);
    await runDue();
    expect(await myNotifications(first.token)).toEqual([]);
    expect((await myNotifications(second.token)).map((n: any) => n.kind)).toEqual(["SLA_WARNING"]);
  });
});

describe("notifications", () => {
  test("only the recipient acknowledges, once; bad preferences change nothing", async () => {
    const agent = await aMember(api, "SUPPORT_AGENT");
    const other = await aMember(api, "SUPPORT_AGENT");
    await openAssigned(agent.id);
    api.clock.advance(121 * MINUTE);
    await runDue();
    const [breach] = await myNotifications(agent.token);
    const foreign = await api.gql(
      `mutation($id: ID!) { acknowledgeNotification(id: $id) { id } }`,
      { id: breach.id },
      other.token,
    );
    expect(foreign.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const ack = await api.must(
      `mutation($id: ID!) { acknowledgeNotification(id: $id) { acknowledgedAt } }`,
      { id: breach.id },
      agent.token,
    );
    expect(ack.acknowledgeNotification.acknowledgedAt).not.toBeNull();
    const again = await api.must(
      `mutation($id: ID!) { acknowledgeNotification(id: $id) { acknowledgedAt } }`,
      { id: breach.id },
      agent.token,
    );
    expect(again.acknowledgeNotification.acknowledgedAt).toBe(ack.acknowledgeNotification.acknowledgedAt);
    const open = await api.must(
      `{ notifications(unacknowledgedOnly: true) { edges { node { id } } } }`,
      {},
      agent.token,
    );
    expect(open.notifications.edges.map((e: any) => e.node.id)).not.toContain(breach.id);

    const bad = await api.gql(
      `mutation { updateNotificationPreferences(input: { leadMinutes: [30, 0] }) { leadMinutes } }`,
      {},
      agent.token,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.leadMinutes.1": expect.any(String) },
    });
    const prefs = await api.must(`{ notificationPreferences { leadMinutes channels } }`, {}, agent.token);
    expect(prefs.notificationPreferences).toEqual({ leadMinutes: [30, 10], channels: ["IN_APP"] });
  });

  test("anonymous subscribers are refused", async () => {
    const client = api.ws(null);
    const feed = collect<any>(client, `subscription { notificationReceived { id } }`);
    await feed.until(1);
    expect(JSON.stringify(feed.received[0])).toContain("UNAUTHENTICATED");
  });
});
