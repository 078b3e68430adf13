import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anAccount, aMember } from "../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const SET = `mutation($u: ID!, $z: String) { setUserTimezone(userId: $u, timezone: $z) { id timezone } }`;
const zoneOf = async (id: string) =>
  (await api.sql<{ timezone: string | null }>("SELECT timezone FROM app_user WHERE id = $1", [id]))[0]!.timezone;

describe("a person's own time zone", () => {
  test("is given at creation or set later by an ADMIN; null follows the organization's again", async () => {
    const created = await api.must(
      `mutation { createUser(input: { name: "Nia", email: "nia@example.test", role: RESPONDER, timezone: "America/Chicago" }) { user { id timezone } } }`,
    );
    const nia = created.createUser.user;
    expect(nia.timezone).toBe("America/Chicago");
    expect((await api.must(SET, { u: nia.id, z: "Europe/Berlin" })).setUserTimezone.timezone).toBe("Europe/Berlin");
    expect((await api.must(SET, { u: nia.id, z: null })).setUserTimezone.timezone).toBeNull();
  });

  test("everyone sets their own, nobody but an ADMIN sets another's", async () => {
    const agent = await aMember(api, "SUPPORT_AGENT");
    const other = await aMember(api, "SUPPORT_AGENT");
    const mine = await api.must(SET, { u: agent.id, z: "Asia/Kolkata" }, agent.token);
    expect(mine.setUserTimezone.timezone).toBe("Asia/Kolkata");
    expect((await api.must(`{ me { timezone } }`, {}, agent.token)).me.timezone).toBe("Asia/Kolkata");
    const theirs = await api.gql(SET, { u: other.id, z: "Asia/Kolkata" }, agent.token);
    expect(theirs.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(await zoneOf(other.id)).toBeNull();
  });

  test("a customer reads their own zone but not a member of staff's", async () => {
    const account = await anAccount(api);
    const customer = await aMember(api, "CUSTOMER", { accountId: account.id });
    await api.must(SET, { u: customer.id, z: "Australia/Sydney" }, customer.token);
    expect((await api.must(`{ me { timezone } }`, {}, customer.token)).me.timezone).toBe("Australia/Sydney");
    const agent = await aMember(api, "SUPPORT_AGENT");
    await api.must(SET, { u: agent.id, z: "Europe/Dublin" }, agent.token);
    const ticket = await api.must(
      `mutation { openTicket(input: { subject: "Help", priority: P3 }) { id } }`,
      {},
      customer.token,
    );
    await api.must(`mutation($id: ID!, $a: ID) { updateTicket(ticketId: $id, input: { assigneeId: $a }) { id } }`, {
      id: ticket.openTicket.id,
      a: agent.id,
    });
    const seen = await api.must(
      `query($id: ID!) { ticket(id: $id) { assignee { id timezone } } }`,
      { id: ticket.openTicket.id },
      customer.token,
    );
    expect(seen.ticket.assignee).toEqual({ id: agent.id, timezone: null });
  });

  test("bad zones and unknown people change nothing", async () => {
    const agent = await aMember(api, "SUPPORT_AGENT");
    await api.must(SET, { u: agent.id, z: "Europe/Paris" });
    for (const zone of ["+02:00", "Mars/Olympus_Mons", "", "Europe/Paris\u0000"]) {
      const res = await api.gql(SET, { u: agent.id, z: zone });
      expect(res.errors?.[0]?.extensions, zone).toMatchObject({
        code: "BAD_USER_INPUT",
        fields: { timezone: expect.any(String) },
      });
    }
    expect(await zoneOf(agent.id)).toBe("Europe/Paris");
    const unknown = await api.gql(SET, { u: "00000000-0000-4000-8000-00000000abcd", z: "UTC" });
    expect(unknown.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const users = (await api.sql("SELECT 1 FROM app_user")).length;
    const refused = await api.gql(
      `mutation { createUser(input: { name: "Bad", email: "bad@example.test", role: RESPONDER, timezone: "GMT+2" }) { user { id } } }`,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.timezone": expect.any(String) },
    });
    expect((await api.sql("SELECT 1 FROM app_user")).length).toBe(users);
  });
});
