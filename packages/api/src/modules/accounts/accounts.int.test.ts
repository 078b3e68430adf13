import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";
import { ALL_PRODUCTS, aCse, aCustomer, aUser, anAccount } from "../../test/cse-fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const CREATE = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { id name tier subscriptionStartDate products timezone tierHistory { tier effectiveFrom } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateAccountInput!) {
  updateAccount(id: $id, input: $input) { id name tier subscriptionStartDate products timezone tierHistory { tier effectiveFrom } }
}`;

async function accountCount(): Promise<number> {
  const [row] = await api.sql<{ n: number }>("SELECT count(*)::int AS n FROM account");
  return row!.n;
}

describe("createAccount", () => {
  test("an admin creates an account; the subscription start is a plain date and the tier history begins", async () => {
    const res = await api.gql(CREATE, {
      input: {
        name: "Initech",
        tier: "SILVER_SERVICES",
        subscriptionStartDate: "2024-02-29",
        products: ["WORKFLOW_AUTOMATION", "INCIDENT_MANAGEMENT", "INCIDENT_MANAGEMENT"],
        timezone: "Europe/Berlin",
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createAccount).toMatchObject({
      name: "Initech",
      tier: "SILVER_SERVICES",
      subscriptionStartDate: "2024-02-29",
      products: ["INCIDENT_MANAGEMENT", "WORKFLOW_AUTOMATION"],
      timezone: "Europe/Berlin",
      tierHistory: [{ tier: "SILVER_SERVICES" }],
    });
  });

  test("the time zone defaults to UTC", async () => {
    const res = await api.gql(CREATE, {
      input: { name: "Hooli", tier: "NO_SERVICES", subscriptionStartDate: "2025-01-31", products: [] },
    });
    expect(res.data?.createAccount).toMatchObject({ timezone: "UTC", products: [] });
  });

  test("bad input names each bad field and creates nothing", async () => {
    const before = await accountCount();
    const res = await api.gql(CREATE, {
      input: {
        name: " ",
        tier: "GOLD_SERVICES",
        subscriptionStartDate: "2025-02-30",
        products: [],
        timezone: "Mars/Base",
      },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: {
        "input.name": expect.any(String),
        "input.subscriptionStartDate": "must be a calendar date YYYY-MM-DD",
        "input.timezone": expect.stringContaining("IANA"),
      },
    });
    expect(await accountCount()).toBe(before);
  });

  test("an unknown tier or product is refused by the schema", async () => {
    const before = await accountCount();
    const res = await api.gql(CREATE, {
      input: { name: "X", tier: "PLATINUM", subscriptionStartDate: "2025-01-01", products: ["PAGER"] },
    });
    expect(res.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(await accountCount()).toBe(before);
  });

  test.each(["CUSTOMER_SUCCESS_ENGINEER", "SUPPORT_AGENT"])("a %s may not create accounts", async (role) => {
    const user = await aUser(api, role);
    const before = await accountCount();
    const res = await api.gql(
      CREATE,
      { input: { name: "Y", tier: "GOLD_SERVICES", subscriptionStartDate: "2025-01-01", products: [] } },
      user.token,
    );
    expect(res.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(await accountCount()).toBe(before);
  });
});

describe("updateAccount", () => {
  test("a change of tier is kept in the tier history, oldest first", async () => {
    const account = await anAccount(api, { tier: "PREMIUM_SUPPORT" });
    api.clock.advance(60_000);
    const res = await api.gql(UPDATE, { id: account.id, input: { tier: "GOLD_SERVICES", name: "Renamed" } });
    expect(res.errors).toBeUndefined();
    const updated = res.data?.updateAccount;
    expect(updated).toMatchObject({ name: "Renamed", tier: "GOLD_SERVICES" });
    expect(updated.tierHistory.map((h: { tier: string }) => h.tier)).toEqual(["PREMIUM_SUPPORT", "GOLD_SERVICES"]);
    expect(new Date(updated.tierHistory[1].effectiveFrom).getTime()).toBeGreaterThan(
      new Date(updated.tierHistory[0].effectiveFrom).getTime(),
    );
  });

  test("setting the same tier again records no change", async () => {
    const account = await anAccount(api, { tier: "SILVER_SERVICES" });
    const res = await api.gql(UPDATE, { id: account.id, input: { tier: "SILVER_SERVICES", products: ["AIOPS"] } });
    expect(res.data?.updateAccount).toMatchObject({ products: ["AIOPS"], tierHistory: [{ tier: "SILVER_SERVICES" }] });
  });

  test("an unknown account is NOT_FOUND; bad input changes nothing", async () => {
    const missing = await api.gql(UPDATE, { id: "00000000-0000-4000-8000-00000000abcd", input: { name: "Z" } });
    expect(missing.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const account = await anAccount(api, { name: "Stays", tier: "SILVER_SERVICES" });
    const bad = await api.gql(UPDATE, { id: account.id, input: { tier: "GOLD_SERVICES", timezone: "Nowhere/City" } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.timezone": expect.any(String) },
    });
    const [row] = await api.sql<{ tier: string; changes: number }>(
      "SELECT tier, (SELECT count(*)::int FROM account_tier_change WHERE account_id = $1) AS changes FROM account WHERE id = $1",
      [account.id],
    );
    expect(row).toEqual({ tier: "SILVER_SERVICES", changes: 1 });
  });
});

describe("reading accounts", () => {
  test("staff list every account by name, a page at a time", async () => {
    for (const name of ["Zeta A", "Zeta B", "Zeta C"]) await anAccount(api, { name });
    const all: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await api.must(
        `query($after: String) { accounts(first: 2, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      all.push(...data.accounts.edges.map((e: { node: { name: string } }) => e.node.name));
      after = data.accounts.pageInfo.hasNextPage ? data.accounts.pageInfo.endCursor : null;
    } while (after);
    expect(all.filter((n) => n.startsWith("Zeta"))).toEqual(["Zeta A", "Zeta B", "Zeta C"]);
    expect([...all].sort()).toEqual(all.slice().sort());
    expect(all.length).toBe(await accountCount());
  });

  test("a CSE sees any account", async () => {
    const cse = await aCse(api);
    const account = await anAccount(api, { products: ALL_PRODUCTS });
    const res = await api.gql(`query($id: ID!) { account(id: $id) { id } }`, { id: account.id }, cse.token);
    expect(res.data?.account).toEqual({ id: account.id });
  });

  test("a customer sees their own account only: another account is FORBIDDEN, whether or not it exists", async () => {
    const own = await anAccount(api);
    const other = await anAccount(api);
    const customer = await aCustomer(api, own.id);
    const q = `query($id: ID!) { account(id: $id) { id name } }`;
    expect((await api.gql(q, { id: own.id }, customer.token)).data?.account.id).toBe(own.id);
    for (const id of [other.id, "00000000-0000-4000-8000-00000000dead"]) {
      const res = await api.gql(q, { id }, customer.token);
      expect(res.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    }
    const list = await api.must(`{ accounts(first: 100) { edges { node { id } } } }`, {}, customer.token);
    expect(list.accounts.edges).toEqual([{ node: { id: own.id } }]);
  });

  test("anonymous readers see no accounts", async () => {
    const res = await api.gql(`{ accounts { edges { node { id } } } }`, {}, null);
    expect(res.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});
