import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anIncident, postUpdate } from "../../test/factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";
import { anAccount, aMember } from "../../test/support-factories.js";

let api: TestApi;
let liaison: { id: string; token: string };
beforeAll(async () => {
  api = await startTestApi();
  liaison = await aMember(api, "SUPPORT_AGENT");
});
afterAll(() => api?.close());

const COUNTS = `customersAffected linkedAccountCount`;

async function ticketFor(accountId: string, requester?: { id: string }) {
  const data = await api.must(
    `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
    { input: { accountId, subject: "Checkout fails", priority: "P1", requesterId: requester?.id ?? null } },
    liaison.token,
  );
  return data.openTicket.id as string;
}

async function link(ticketId: string, incidentId: string | null) {
  const res = await api.gql(
    `mutation($t: ID!, $i: ID) { linkTicketToIncident(ticketId: $t, incidentId: $i) { id } }`,
    { t: ticketId, i: incidentId },
    liaison.token,
  );
  expect(res.errors).toBeUndefined();
}

async function counts(id: string, token: string | null = liaison.token) {
  return (await api.must(`query($id: ID!) { incident(id: $id) { ${COUNTS} } }`, { id }, token)).incident;
}

const assess = (id: string, customersAffected: number | null) =>
  api.must(
    `mutation($id: ID!, $n: Int) { assessImpact(incidentId: $id, input: { impact: MAJOR, componentStatuses: [], customersAffected: $n, summary: "Checkout fails" }) { ${COUNTS} } }`,
    { id, n: customersAffected },
    liaison.token,
  );

describe("customers affected", () => {
  test("regression: linking one ticket overwrote the liaison's 40 to 1, unlinking to 0", async () => {
    const incident = await anIncident(api, { severity: "SEV2" }, liaison.token);
    expect((await assess(incident.id, 40)).assessImpact).toEqual({ customersAffected: 40, linkedAccountCount: 0 });
    const ticket = await ticketFor((await anAccount(api)).id);
    await link(ticket, incident.id);
    expect(await counts(incident.id)).toEqual({ customersAffected: 40, linkedAccountCount: 1 });
    await link(ticket, null);
    expect(await counts(incident.id)).toEqual({ customersAffected: 40, linkedAccountCount: 0 });
  });

  test("the latest figure someone gave stands; an assessment without a figure keeps it", async () => {
    const incident = await anIncident(api, { severity: "SEV3" }, liaison.token);
    await assess(incident.id, 40);
    await assess(incident.id, 55);
    expect((await assess(incident.id, null)).assessImpact).toEqual({ customersAffected: 55, linkedAccountCount: 0 });
  });

  test("where nobody gave a figure, customersAffected is the count of distinct accounts of linked tickets", async () => {
    const incident = await anIncident(api, { severity: "SEV3" }, liaison.token);
    const [a, b] = [await anAccount(api), await anAccount(api)];
    for (const ticket of [await ticketFor(a.id), await ticketFor(a.id), await ticketFor(b.id)])
      await link(ticket, incident.id);
    expect(await counts(incident.id)).toEqual({ customersAffected: 2, linkedAccountCount: 2 });
    expect((await assess(incident.id, 12)).assessImpact).toEqual({ customersAffected: 12, linkedAccountCount: 2 });
  });

  test("the liaison sees the linked tickets' accounts and requesters; nobody else does", async () => {
    const incident = await anIncident(api, { severity: "SEV3", title: "Checkout errors" }, liaison.token);
    const acme = await anAccount(api, `Acme ${incident.id.slice(0, 6)}`);
    const zeta = await anAccount(api, `Zeta ${incident.id.slice(0, 6)}`);
    const ann = await aMember(api, "CUSTOMER", { accountId: acme.id, name: "Ann" });
    const bob = await aMember(api, "CUSTOMER", { accountId: acme.id, name: "Bob" });
    const zed = await aMember(api, "CUSTOMER", { accountId: zeta.id, name: "Zed" });
    const tickets = [await ticketFor(acme.id, bob), await ticketFor(acme.id, ann), await ticketFor(zeta.id, zed)];
    for (const t of tickets) await link(t, incident.id);
    const view = `query($id: ID!) { incident(id: $id) { id linkedAccountCount
      affectedAccounts { account { id name } ticketCount requesters { id name } }
      linkedTickets { id account { id } requester { id } } } }`;
    const { incident: seen } = await api.must(view, { id: incident.id }, liaison.token);
    expect(seen.affectedAccounts).toEqual([
      {
        account: acme,
        ticketCount: 2,
        requesters: [
          { id: ann.id, name: "Ann" },
          { id: bob.id, name: "Bob" },
        ],
      },
      { account: zeta, ticketCount: 1, requesters: [{ id: zed.id, name: "Zed" }] },
    ]);
    expect(seen.linkedTickets).toEqual([
      { id: tickets[0], account: { id: acme.id }, requester: { id: bob.id } },
      { id: tickets[1], account: { id: acme.id }, requester: { id: ann.id } },
      { id: tickets[2], account: { id: zeta.id }, requester: { id: zed.id } },
    ]);

    await postUpdate(api, incident.id, { message: "Checkout fails for some customers." }, liaison.token);
    for (const reader of [null, ann.token]) {
      const { incident: hidden } = await api.must(view, { id: incident.id }, reader);
      expect(hidden).toEqual({ id: incident.id, linkedAccountCount: null, affectedAccounts: [], linkedTickets: [] });
      expect(await counts(incident.id, reader)).toEqual({ customersAffected: null, linkedAccountCount: null });
    }
  });
});
