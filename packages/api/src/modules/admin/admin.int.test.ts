import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aComponent, aUser, snapshot } from "../../test/factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const missing = "7d0e4c2a-0000-4000-8000-000000000000";
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } token } }`;
const UPDATE_ORG = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { timezone } }`;
const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;

async function rejects(code: string, query: string, variables: Record<string, unknown>, token?: string) {
  const before = await snapshot(api);
  const res = await api.gql(query, variables, token);
  expect(res.errors?.[0]?.extensions.code, JSON.stringify(res.errors)).toBe(code);
  expect(await snapshot(api)).toEqual(before);
  return res.errors![0]!;
}

describe("users and tokens", () => {
  test("a new user's token works at once and is stored only as a hash", async () => {
    const agent = await aUser(api, "SUPPORT_AGENT");
    const me = await api.must("{ me { id role } }", {}, agent.token);
    expect(me.me).toEqual({ id: agent.user.id, role: "SUPPORT_AGENT" });
    const stored = await api.sql<{ token_hash: string }>("SELECT token_hash FROM api_token WHERE user_id = $1", [
      agent.user.id,
    ]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(agent.token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("createApiToken issues a second working token; revoking by user ends both", async () => {
    const responder = await aUser(api, "RESPONDER");
    const { createApiToken } = await api.must(`mutation($id: ID!) { createApiToken(userId: $id) }`, {
      id: responder.user.id,
    });
    expect((await api.gql("{ me { id } }", {}, createApiToken)).data?.me).toEqual({ id: responder.user.id });
    const { revokeApiToken } = await api.must(`mutation($id: ID!) { revokeApiToken(input: { userId: $id }) }`, {
      id: responder.user.id,
    });
    expect(revokeApiToken).toBe(2);
    expect((await api.gql("{ me { id } }", {}, createApiToken)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect((await api.gql("{ me { id } }", {}, responder.token)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  test("a second user with the same email (any case) is a CONFLICT", async () => {
    const first = await aUser(api, "RESPONDER");
    const [row] = await api.sql<{ email: string }>("SELECT email FROM app_user WHERE id = $1", [first.user.id]);
    await rejects("CONFLICT", CREATE_USER, {
      input: { name: "Twin", email: row!.email.toUpperCase(), role: "RESPONDER" },
    });
  });

  test.each([
    ["an invalid email", { name: "X", email: "not-an-email", role: "RESPONDER" }, "input.email"],
    ["an empty name", { name: " ", email: "x@example.com", role: "RESPONDER" }, "input.name"],
    ["a customer without an account", { name: "X", email: "c@example.com", role: "CUSTOMER" }, "input.accountId"],
    [
      "staff bound to an account",
      { name: "X", email: "s@example.com", role: "RESPONDER", accountId: missing },
      "input.accountId",
    ],
  ])("%s is BAD_USER_INPUT", async (_name, input, field) => {
    const error = await rejects("BAD_USER_INPUT", CREATE_USER, { input });
    expect(error.extensions.fields).toHaveProperty(field);
  });

  test("a customer of an unknown account is NOT_FOUND", async () => {
    await rejects("NOT_FOUND", CREATE_USER, {
      input: { name: "X", email: "c2@example.com", role: "CUSTOMER", accountId: missing },
    });
  });

  test("tokens for unknown users are NOT_FOUND; revoking needs exactly one target", async () => {
    await rejects("NOT_FOUND", `mutation($id: ID!) { createApiToken(userId: $id) }`, { id: missing });
    await rejects("BAD_USER_INPUT", `mutation { revokeApiToken(input: {}) }`, {});
  });
});

describe("organization settings", () => {
  test("an admin sets time zone, holidays, region, bridge and roster", async () => {
    const liaison = await aUser(api, "SUPPORT_AGENT");
    const { updateOrganization } = await api.must(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
         timezone holidays holidayRegion conferenceBridge { url dialIn } liaisons { id } } }`,
      {
        input: {
          timezone: "Europe/Berlin",
          holidays: ["2026-12-31", "2026-12-24", "2026-12-24"],
          holidayRegion: "DE",
          conferenceBridge: { url: "https://meet.example.com/bridge", dialIn: "+49 30 1234" },
          liaisonUserIds: [liaison.user.id],
        },
      },
    );
    expect(updateOrganization).toEqual({
      timezone: "Europe/Berlin",
      holidays: ["2026-12-24", "2026-12-31"],
      holidayRegion: "DE",
      conferenceBridge: { url: "https://meet.example.com/bridge", dialIn: "+49 30 1234" },
      liaisons: [{ id: liaison.user.id }],
    });
    const { organization } = await api.must("{ organization { timezone } }");
    expect(organization.timezone).toBe("Europe/Berlin");
  });

  test.each([
    ["an unknown time zone", { timezone: "Mars/Olympus" }, "input.timezone"],
    ["a fixed offset instead of a zone", { timezone: "+02:00" }, "input.timezone"],
    ["an impossible holiday", { holidays: ["2026-02-30"] }, "input.holidays.0"],
    ["an unknown holiday region", { holidayRegion: "XX-NOWHERE" }, "input.holidayRegion"],
    ["a bridge that is not a URL", { conferenceBridge: { url: "call me maybe" } }, "input.conferenceBridge.url"],
  ])("%s is BAD_USER_INPUT", async (_name, input, field) => {
    const error = await rejects("BAD_USER_INPUT", UPDATE_ORG, { input });
    expect(error.extensions.fields).toHaveProperty(field);
  });

  test("an unknown user on the liaison roster is NOT_FOUND", async () => {
    await rejects("NOT_FOUND", UPDATE_ORG, { input: { liaisonUserIds: [missing] } });
  });
});

describe("components", () => {
  test("names are unique whatever their case", async () => {
    const c = await aComponent(api, "Search API");
    expect(c.status).toBe("OPERATIONAL");
    await rejects("CONFLICT", CREATE_COMPONENT, { input: { name: "search api" } });
  });

  test("an empty name is BAD_USER_INPUT and an unknown component NOT_FOUND", async () => {
    await rejects("BAD_USER_INPUT", CREATE_COMPONENT, { input: { name: "" } });
    await rejects("NOT_FOUND", `mutation($id: ID!) { updateComponent(id: $id, input: { name: "x" }) { id } }`, {
      id: missing,
    });
  });

  // Regression: updateComponent was open to RESPONDERs though the contract makes it ADMIN only.
  test.each(["RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER"])(
    "a %s may neither create nor change a component",
    async (role) => {
      const c = await aComponent(api);
      const { token } = await aUser(api, role);
      await rejects("FORBIDDEN", CREATE_COMPONENT, { input: { name: `By ${role}` } }, token);
      await rejects(
        "FORBIDDEN",
        `mutation($id: ID!) { updateComponent(id: $id, input: { status: MAJOR_OUTAGE, name: "Renamed" }) { id } }`,
        { id: c.id },
        token,
      );
    },
  );

  test("a status set by hand shows on the public status page", async () => {
    const c = await aComponent(api);
    await api.must(
      `mutation($id: ID!) { updateComponent(id: $id, input: { status: MAJOR_OUTAGE, group: "Core" }) { id } }`,
      {
        id: c.id,
      },
    );
    const { statusPage } = await api.must("{ statusPage { indicator components { id status group } } }", {}, null);
    expect(statusPage.components).toContainEqual({ id: c.id, status: "MAJOR_OUTAGE", group: "Core" });
    expect(["MAJOR", "CRITICAL"]).toContain(statusPage.indicator);
  });
});
