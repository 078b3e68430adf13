// Finding people: staff look up whom to assign or call; a user's account and email stay with those entitled to them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aComponent, postUpdate } from "../../test/factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";
import { anAccount } from "../../test/support-factories.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const USERS = `query($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id name role email account { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Edge = { cursor: string; node: { id: string; name: string; role: string; email: string | null; account: any } };
const names = (data: any) => (data.users.edges as Edge[]).map((e) => e.node.name);

async function person(name: string, role: string, extra: Record<string, unknown> = {}) {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
  const { createUser } = await api.must(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id name } token } }`,
    { input: { name, email: `${slug}@${role === "CUSTOMER" ? "customer" : "liaison"}.test`, role, ...extra } },
  );
  return createUser as { user: { id: string; name: string }; token: string };
}

let acme: { id: string; name: string };
let globex: { id: string; name: string };
let wanda: Awaited<ReturnType<typeof person>>;
let carol: Awaited<ReturnType<typeof person>>;
let chris: Awaited<ReturnType<typeof person>>;
let gina: Awaited<ReturnType<typeof person>>;
let agent: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  acme = await anAccount(api, "Acme Corp");
  globex = await anAccount(api, "Globex");
  wanda = await person("Wanda Liaison", "SUPPORT_AGENT");
  agent = await person("Ada Agent", "SUPPORT_AGENT");
  await person("Ravi Responder", "RESPONDER");
  await person("Rita Responder", "RESPONDER");
  carol = await person("Carol Customer", "CUSTOMER", { accountId: acme.id });
  chris = await person("Chris Colleague", "CUSTOMER", { accountId: acme.id });
  gina = await person("Gina Globex", "CUSTOMER", { accountId: globex.id });
});

describe("Query.users", () => {
  test("staff find people by part of their name or email, any case", async () => {
    const byName = await api.must(USERS, { filter: { search: "wANDa" } }, agent.token);
    expect(names(byName)).toEqual(["Wanda Liaison"]);
    // Staff addresses here end in @liaison.test, customers' in @customer.test: the email matches too.
    const byEmail = names(await api.must(USERS, { filter: { search: "@LIAISON.test" } }, agent.token));
    expect(byEmail).toEqual(expect.arrayContaining(["Ada Agent", "Ravi Responder", "Rita Responder", "Wanda Liaison"]));
    expect(byEmail.filter((n) => ["Carol Customer", "Chris Colleague", "Gina Globex"].includes(n))).toEqual([]);
  });

  test("% and _ in a search are the characters themselves, not wildcards", async () => {
    expect(names(await api.must(USERS, { filter: { search: "%" } }))).toEqual([]);
    expect(names(await api.must(USERS, { filter: { search: "R_ta" } }))).toEqual([]);
  });

  test("filters by role and by a customer's account", async () => {
    const responders = await api.must(USERS, { filter: { role: ["RESPONDER"] } });
    expect(names(responders)).toEqual(["Ravi Responder", "Rita Responder"]);
    const ofAcme = await api.must(USERS, { filter: { accountId: acme.id } });
    expect(names(ofAcme)).toEqual(["Carol Customer", "Chris Colleague"]);
    expect((ofAcme.users.edges as Edge[]).map((e) => e.node.account)).toEqual([
      { id: acme.id, name: "Acme Corp" },
      { id: acme.id, name: "Acme Corp" },
    ]);
    const customersNamedG = await api.must(USERS, { filter: { role: ["CUSTOMER"], search: "g" } });
    expect(names(customersNamedG)).toEqual(["Chris Colleague", "Gina Globex"]);
  });

  test("pages alphabetically with cursors, each person once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await api.must(USERS, { first: 2, after });
      const edges = page.users.edges as Edge[];
      expect(edges.length).toBeLessThanOrEqual(2);
      seen.push(...edges.map((e) => e.node.name));
      expect(page.users.pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      if (!page.users.pageInfo.hasNextPage) break;
      after = page.users.pageInfo.endCursor;
    }
    expect(seen).toContain("Wanda Liaison");
    expect(seen).toEqual([...seen].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(new Set(seen).size).toBe(seen.length);
  });

  test("a bad page request names its argument and changes nothing", async () => {
    const tooMany = await api.gql(USERS, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { first: expect.any(String) },
    });
    const forged = await api.gql(USERS, { after: "not-a-cursor" });
    expect(forged.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { after: expect.any(String) },
    });
    const control = await api.gql(USERS, { filter: { search: "a\u0000b" } });
    expect(control.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "filter.search": expect.any(String) },
    });
  });

  test("a CUSTOMER may not list people, nor may an anonymous reader", async () => {
    const asCustomer = await api.gql(USERS, {}, carol.token);
    expect(asCustomer.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(asCustomer.data?.users ?? null).toBeNull();
    const anonymous = await api.gql(USERS, {}, null);
    expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(anonymous.errors?.[0]?.extensions.code);
  });
});

describe("User.account and User.email", () => {
  const ME = `{ me { id email account { id name tier } } }`;

  test("a customer reads their own account and email; staff have no account", async () => {
    const me = await api.must(ME, {}, carol.token);
    expect(me.me).toMatchObject({ email: "carol-customer@customer.test", account: { id: acme.id, name: "Acme Corp" } });
    const staff = await api.must(ME, {}, wanda.token);
    expect(staff.me).toMatchObject({ email: "wanda-liaison@liaison.test", account: null });
  });

  test("staff see every user's email and account", async () => {
    const { users } = await api.must(USERS, { filter: { search: "Gina" } }, agent.token);
    expect(users.edges[0].node).toMatchObject({
      email: "gina-globex@customer.test",
      account: { id: globex.id, name: "Globex" },
    });
  });

  test("a customer sees neither another person's email nor another company's account", async () => {
    // Customers meet people on their company's tickets: a colleague who asked, the agent who answers.
    const { openTicket } = await api.must(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
      input: {
        subject: "Invoices are slow",
        priority: "P3",
        accountId: acme.id,
        requesterId: chris.user.id,
        assigneeId: agent.user.id,
      },
    });
    const PEOPLE = `query($id: ID!) { ticket(id: $id) {
      requester { id name email account { id name } }
      assignee { id name email account { id } }
    } }`;
    const { ticket } = await api.must(PEOPLE, { id: openTicket.id }, carol.token);
    // A colleague: same company, so the account shows; their email does not.
    expect(ticket.requester).toEqual({
      id: chris.user.id,
      name: "Chris Colleague",
      email: null,
      account: { id: acme.id, name: "Acme Corp" },
    });
    expect(ticket.assignee).toEqual({ id: agent.user.id, name: "Ada Agent", email: null, account: null });
    // Staff reading the same ticket see both emails.
    const asStaff = await api.must(PEOPLE, { id: openTicket.id }, wanda.token);
    expect(asStaff.ticket.requester.email).toBe("chris-colleague@customer.test");
    expect(asStaff.ticket.assignee.email).toBe("ada-agent@liaison.test");
    // Gina (Globex) cannot reach Acme's ticket, hence its people, at all.
    const other = await api.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: openTicket.id }, gina.token);
    expect(other.data?.ticket ?? null).toBeNull();
  });
});

describe("ComponentStatusSnapshot.component", () => {
  test("an update's component statuses name their component, for anonymous readers too", async () => {
    const component = await aComponent(api, "Checkout");
    const { reportIncident } = await api.must(
      `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
      { input: { title: "Checkout errors", severity: "SEV3", componentIds: [component.id] } },
    );
    await postUpdate(api, reportIncident.id, {
      status: "INVESTIGATING",
      message: "Checkout fails for some.",
      visibility: "PUBLIC",
      componentStatuses: [{ componentId: component.id, status: "PARTIAL_OUTAGE" }],
    });
    const { incident } = await api.must(
      `query($id: ID!) { incident(id: $id) { updates { componentStatuses { componentId status component { id name } } } } }`,
      { id: reportIncident.id },
      null,
    );
    expect(incident.updates[0].componentStatuses).toEqual([
      { componentId: component.id, status: "PARTIAL_OUTAGE", component: { id: component.id, name: "Checkout" } },
    ]);
  });
});
