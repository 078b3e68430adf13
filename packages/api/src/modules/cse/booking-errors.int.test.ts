import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";
import {
  aCse,
  aCustomer,
  aUser,
  anAccount,
  book,
  bookingTables,
  minutes,
  next,
  plus,
} from "../../test/cse-fixtures.js";

// Every refusal: the contract's code, a clear message, and nothing changed.
let api: TestApi;
let account: { id: string };
let customer: { token: string };
let tables: Awaited<ReturnType<typeof bookingTables>>;

beforeAll(async () => {
  api = await startTestApi();
  await aCse(api);
  account = await anAccount(api, { tier: "SILVER_SERVICES", products: ["INCIDENT_MANAGEMENT"] });
  customer = await aCustomer(api, account.id);
  // One Maturity Assessment left of Silver's two: the next is allowed, the one after is past the cap.
  expect(
    (await book(api, { accountId: account.id, activity: "MATURITY_ASSESSMENT", startsAt: next(api, 1, "09:00") }))
      .errors,
  ).toBeUndefined();
});
afterAll(() => api?.close());
beforeEach(async () => {
  tables = await bookingTables(api);
});

async function expectRefused(
  res: Awaited<ReturnType<typeof book>>,
  code: string,
  extra: { fields?: Record<string, unknown>; message?: RegExp } = {},
) {
  expect(res.data?.bookSession ?? null).toBeNull();
  const error = res.errors?.[0];
  expect(error?.extensions.code).toBe(code);
  if (extra.fields) expect(error?.extensions.fields).toMatchObject(extra.fields);
  if (extra.message) expect(error?.message).toMatch(extra.message);
  expect(await bookingTables(api)).toEqual(tables);
}

const valid = () => ({ accountId: account.id, activity: "INTEGRATION_CONSULTATION", startsAt: next(api, 2, "10:00") });

describe("bookSession refuses", () => {
  test("a start in the past", async () => {
    await expectRefused(
      await book(api, { ...valid(), startsAt: plus(api.clock.now(), -minutes(60)) }, customer.token),
      "BAD_USER_INPUT",
      {
        fields: { "input.startsAt": "must be in the future" },
      },
    );
  });

  test("a start outside every CSE's working hours (a Sunday)", async () => {
    await expectRefused(
      await book(api, { ...valid(), startsAt: next(api, 7, "10:00") }, customer.token),
      "BAD_USER_INPUT",
      {
        fields: {
          "input.startsAt": expect.stringContaining("outside every Customer Success Engineer's working hours"),
        },
      },
    );
  });

  test("a session running past the end of the working day", async () => {
    await expectRefused(
      await book(api, { ...valid(), activity: "MATURITY_ASSESSMENT", startsAt: next(api, 2, "16:30") }, customer.token),
      "BAD_USER_INPUT",
      { fields: { "input.startsAt": expect.any(String) } },
    );
  });

  test("a follow-up before its discovery has ended", async () => {
    const startsAt = next(api, 2, "10:00");
    await expectRefused(
      await book(
        api,
        {
          accountId: account.id,
          activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
          startsAt,
          followUpStartsAt: plus(startsAt, minutes(30)),
        },
        customer.token,
      ),
      "BAD_USER_INPUT",
      { fields: { "input.followUpStartsAt": "must be at or after the end of the 60-minute discovery" } },
    );
  });

  test("an Incident Lifecycle Assessment without its follow-up", async () => {
    await expectRefused(
      await book(api, { ...valid(), activity: "INCIDENT_LIFECYCLE_ASSESSMENT" }, customer.token),
      "BAD_USER_INPUT",
      { fields: { "input.followUpStartsAt": expect.stringMatching(/^is required/) } },
    );
  });

  test("a follow-up for an activity that has none", async () => {
    await expectRefused(
      await book(api, { ...valid(), followUpStartsAt: next(api, 3, "10:00") }, customer.token),
      "BAD_USER_INPUT",
      { fields: { "input.followUpStartsAt": expect.stringMatching(/^must be left out/) } },
    );
  });

  test("an unknown account", async () => {
    await expectRefused(
      await book(api, { ...valid(), accountId: "00000000-0000-4000-8000-0000000f00d5" }),
      "NOT_FOUND",
    );
  });

  test("a malformed account id, which names no account", async () => {
    await expectRefused(await book(api, { ...valid(), accountId: "acme" }), "NOT_FOUND");
  });

  test("an unknown activity", async () => {
    await expectRefused(await book(api, { ...valid(), activity: "PIZZA_PARTY" }, customer.token), "BAD_USER_INPUT", {
      message: /PIZZA_PARTY/,
    });
  });

  test("a start that is not a date-time", async () => {
    await expectRefused(await book(api, { ...valid(), startsAt: "next tuesday" }, customer.token), "BAD_USER_INPUT");
  });

  test("a customer booking for another account", async () => {
    const other = await anAccount(api);
    tables = await bookingTables(api);
    await expectRefused(await book(api, { ...valid(), accountId: other.id }, customer.token), "FORBIDDEN", {
      message: /own account/,
    });
  });

  test.each(["RESPONDER", "SUPPORT_AGENT"])("a %s, who may not book", async (role) => {
    const user = await aUser(api, role);
    tables = await bookingTables(api);
    await expectRefused(await book(api, valid(), user.token), "FORBIDDEN");
  });

  test("an anonymous caller", async () => {
    await expectRefused(await book(api, valid(), null), "UNAUTHENTICATED");
  });

  test("an activity the tier lacks (NOT_ENTITLED)", async () => {
    await expectRefused(
      await book(api, { ...valid(), activity: "ALERT_STRATEGIES_WORKSHOP" }, customer.token),
      "NOT_ENTITLED",
      { message: /^Alert Strategies Workshops are not included in Silver Services\.$/ },
    );
  });

  test("unmet product requirements (PRODUCT_REQUIREMENT_UNMET)", async () => {
    const res = await book(api, { ...valid(), activity: "AUTOMATION_IDEATION_SESSION" }, customer.token);
    await expectRefused(res, "PRODUCT_REQUIREMENT_UNMET", { message: /require at least one of Runbook Automation/ });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      missing: { allOf: [], anyOf: ["RUNBOOK_AUTOMATION", "RUNBOOK_AUTOMATION_SELF_HOSTED", "WORKFLOW_AUTOMATION"] },
    });
  });

  test("a session past the cap (ENTITLEMENT_EXHAUSTED), pointing to Professional Services", async () => {
    const allowed = await book(api, { ...valid(), activity: "MATURITY_ASSESSMENT", startsAt: next(api, 2, "13:00") });
    expect(allowed.errors).toBeUndefined();
    tables = await bookingTables(api);
    const res = await book(
      api,
      { ...valid(), activity: "MATURITY_ASSESSMENT", startsAt: next(api, 3, "13:00") },
      customer.token,
    );
    await expectRefused(res, "ENTITLEMENT_EXHAUSTED", {
      message:
        /^Maturity Assessments included in Silver Services: 2 of 2 used this contract year, and unused sessions do not roll over\. Additional sessions may be available through a PagerDuty Professional Services engagement\.$/,
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ cap: 2, used: 2 });
  });

  test("an idempotency key reused for a different booking (CONFLICT)", async () => {
    const first = await book(
      api,
      { ...valid(), startsAt: next(api, 4, "09:00"), idempotencyKey: "k-1" },
      customer.token,
    );
    expect(first.errors).toBeUndefined();
    tables = await bookingTables(api);
    await expectRefused(
      await book(api, { ...valid(), startsAt: next(api, 4, "11:00"), idempotencyKey: "k-1" }, customer.token),
      "CONFLICT",
      { message: /idempotencyKey was already used/ },
    );
  });

  test("notes that are too long", async () => {
    await expectRefused(await book(api, { ...valid(), notes: "x".repeat(2001) }, customer.token), "BAD_USER_INPUT", {
      fields: { "input.notes": "must be at most 2000 characters" },
    });
  });
});

describe("cancelBooking refuses", () => {
  test.each(["00000000-0000-4000-8000-00000000cafe", "not-an-id"])("an unknown booking (%s)", async (id) => {
    const res = await api.gql(`mutation($id: ID!) { cancelBooking(bookingId: $id) { id } }`, { id });
    expect(res.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect(await bookingTables(api)).toEqual(tables);
  });
});
