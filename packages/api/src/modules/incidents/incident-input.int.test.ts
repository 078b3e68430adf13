import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aComponent, anIncident, aUser, snapshot } from "../../test/factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
let componentId: string;
let openId: string;
let resolvedId: string;
beforeAll(async () => {
  api = await startTestApi();
  componentId = (await aComponent(api)).id;
  openId = (await anIncident(api, { componentIds: [componentId] })).id;
  resolvedId = (await anIncident(api)).id;
  await api.must(
    `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: RESOLVED, message: "done", visibility: PUBLIC }) { id } }`,
    { id: resolvedId },
  );
});
afterAll(() => api?.close());

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
const POST = `mutation($id: ID!, $input: PostStatusUpdateInput!) { postStatusUpdate(incidentId: $id, input: $input) { id } }`;
const ASSESS = `mutation($id: ID!, $input: AssessImpactInput!) { assessImpact(incidentId: $id, input: $input) { id } }`;
const ASSIGN = `mutation($id: ID!, $user: ID!) { assignIncidentRole(incidentId: $id, role: COMMANDER, userId: $user) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishIncidentReport(incidentId: $id, input: { kind: PRELIMINARY, summary: "s" }) { id } }`;
async function anAccount(): Promise<string> {
  const { createAccount } = await api.must(
    `mutation { createAccount(input: { name: "Acme", tier: GOLD_SERVICES, subscriptionStartDate: "2026-01-01", products: [INCIDENT_MANAGEMENT] }) { id } }`,
  );
  return createAccount.id;
}
const update = (extra: Record<string, unknown> = {}) => ({
  status: "IDENTIFIED",
  message: "ok",
  visibility: "PUBLIC",
  ...extra,
});

/** Runs a request that must fail with `code`, and proves that the database did not change. */
async function rejects(
  code: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string | null,
): Promise<{ message: string; extensions: { code: string; fields?: Record<string, string> } }> {
  const before = await snapshot(api);
  const res = await api.gql(query, variables, token);
  expect(res.errors?.[0]?.extensions.code, JSON.stringify(res.errors)).toBe(code);
  expect(await snapshot(api)).toEqual(before);
  return res.errors![0]!;
}

describe("unknown ids are NOT_FOUND", () => {
  const missing = "7d0e4c2a-0000-4000-8000-000000000000";
  test.each([
    ["postStatusUpdate", POST, { id: missing, input: update() }],
    ["postStatusUpdate with a malformed id", POST, { id: "no-such-incident", input: update() }],
    ["assessImpact", ASSESS, { id: missing, input: { impact: "MINOR", componentStatuses: [], summary: "x" } }],
    ["publishIncidentReport", PUBLISH, { id: missing }],
    [
      "reportIncident with an unknown component",
      REPORT,
      { input: { title: "t", severity: "SEV3", componentIds: [missing] } },
    ],
  ])("%s", async (_name, query, variables) => {
    await rejects("NOT_FOUND", query, variables);
  });

  test("assignIncidentRole with an unknown user", async () => {
    await rejects("NOT_FOUND", ASSIGN, { id: openId, user: missing });
  });

  test("a status update naming an unknown component changes nothing at all", async () => {
    await rejects("NOT_FOUND", POST, {
      id: openId,
      input: update({ componentStatuses: [{ componentId: missing, status: "MAJOR_OUTAGE" }] }),
    });
  });

  test("an unknown incident reads as null", async () => {
    const res = await api.gql(`query($id: ID!) { incident(id: $id) { id } }`, { id: missing });
    expect(res.data?.incident).toBeNull();
  });
});

describe("illegal moves are INVALID_TRANSITION", () => {
  test("posting after resolution", async () => {
    await rejects("INVALID_TRANSITION", POST, { id: resolvedId, input: update({ status: "MONITORING" }) });
  });
  test("resolving twice", async () => {
    await rejects("INVALID_TRANSITION", POST, { id: resolvedId, input: update({ status: "RESOLVED" }) });
  });
  test("assessing the impact of a resolved incident", async () => {
    await rejects("INVALID_TRANSITION", ASSESS, {
      id: resolvedId,
      input: { impact: "MINOR", componentStatuses: [], summary: "late" },
    });
  });
  test("a report before resolution", async () => {
    await rejects("INVALID_TRANSITION", PUBLISH, { id: openId });
  });
});

describe("bad input is BAD_USER_INPUT naming the fields", () => {
  test("an empty title", async () => {
    const error = await rejects("BAD_USER_INPUT", REPORT, { input: { title: "   ", severity: "SEV3" } });
    expect(error.extensions.fields).toHaveProperty("input.title");
  });

  test("a message over the 5,000-character limit", async () => {
    const error = await rejects("BAD_USER_INPUT", POST, { id: openId, input: update({ message: "x".repeat(5001) }) });
    expect(error.extensions.fields?.["input.message"]).toMatch(/5000/);
  });

  test("a message of exactly 5,000 characters is accepted", async () => {
    const res = await api.gql(POST, { id: openId, input: update({ message: "x".repeat(5000) }) });
    expect(res.errors).toBeUndefined();
  });

  test("an unknown enum value in variables", async () => {
    const error = await rejects("BAD_USER_INPUT", REPORT, { input: { title: "t", severity: "SEV9" } });
    expect(Object.keys(error.extensions.fields ?? {}).join()).toMatch(/severity/);
  });

  test("an unknown enum value written in the query", async () => {
    await rejects("BAD_USER_INPUT", `mutation { reportIncident(input: { title: "t", severity: SEV9 }) { id } }`, {});
  });

  test("a report time in the future", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const error = await rejects("BAD_USER_INPUT", REPORT, {
      input: { title: "t", severity: "SEV3", reportedAt: future },
    });
    expect(error.extensions.fields).toHaveProperty("input.reportedAt");
  });

  test("a negative count of affected customers", async () => {
    const error = await rejects("BAD_USER_INPUT", ASSESS, {
      id: openId,
      input: { impact: "MINOR", componentStatuses: [], customersAffected: -1, summary: "x" },
    });
    expect(error.extensions.fields).toHaveProperty("input.customersAffected");
  });

  test("a component listed twice in one update", async () => {
    await rejects("BAD_USER_INPUT", POST, {
      id: openId,
      input: update({
        componentStatuses: [
          { componentId, status: "MAJOR_OUTAGE" },
          { componentId, status: "OPERATIONAL" },
        ],
      }),
    });
  });

  test("a customer cannot hold an incident role", async () => {
    const customer = await aUser(api, "CUSTOMER", { accountId: await anAccount() });
    await rejects("BAD_USER_INPUT", ASSIGN, { id: openId, user: customer.user.id });
  });
});

describe("who may do what", () => {
  test("no token is UNAUTHENTICATED", async () => {
    await rejects("UNAUTHENTICATED", REPORT, { input: { title: "t", severity: "SEV3" } }, null);
  });

  test("a bad token is UNAUTHENTICATED with HTTP 401, even for public reads", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer not-a-real-token" },
      body: JSON.stringify({ query: "{ statusPage { indicator } }" }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
    await rejects("UNAUTHENTICATED", REPORT, { input: { title: "t", severity: "SEV3" } }, "not-a-real-token");
  });

  test("a revoked token stops working", async () => {
    const agent = await aUser(api, "SUPPORT_AGENT");
    await api.must(`mutation($t: String!) { revokeApiToken(input: { token: $t }) }`, { t: agent.token });
    await rejects("UNAUTHENTICATED", REPORT, { input: { title: "t", severity: "SEV3" } }, agent.token);
  });

  test.each([["CUSTOMER_SUCCESS_ENGINEER"], ["CUSTOMER"]])("a %s may not post status updates", async (role) => {
    const user = await aUser(api, role, role === "CUSTOMER" ? { accountId: await anAccount() } : {});
    await rejects("FORBIDDEN", POST, { id: openId, input: update() }, user.token);
  });

  test("only an admin changes the organization", async () => {
    const responder = await aUser(api, "RESPONDER");
    await rejects(
      "FORBIDDEN",
      `mutation { updateOrganization(input: { timezone: "Europe/Berlin" }) { timezone } }`,
      {},
      responder.token,
    );
  });
});

test("reportedAt: null reports the incident now, not on 1 January 1970", async () => {
  const before = api.clock.now().getTime();
  const { reportIncident } = await api.must(
    `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { reportedAt } }`,
    { input: { title: "Null report time", severity: "SEV3", reportedAt: null } },
  );
  expect(new Date(reportIncident.reportedAt).getTime()).toBeGreaterThanOrEqual(before);
});
