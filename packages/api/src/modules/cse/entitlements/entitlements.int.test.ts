import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../../test/harness.js";
import {
  aCustomer,
  anAccount,
  anAlwaysOnCse,
  book,
  dateFromToday,
  entitlementsOf,
  minutes,
  next,
  plus,
  rowOf,
} from "../../../test/cse-fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  // Enough CSEs that tests booking the same hour never compete for one.
  for (let i = 0; i < 8; i++) await anAlwaysOnCse(api);
});
afterAll(() => api?.close());

// The usage policy's table, one line per row as the seed prints it (footnote marks dropped).
const POLICY_TABLE = `
| Alert Strategies Workshops | N/A | N/A | N/A | Up to 1 workshop/year |
| Automation Ideation & Guidance Sessions | N/A | N/A | Up to 1 session/year | Up to 2 sessions/year |
| Incident Lifecycle Assessments | N/A | N/A | Up to 1 assessment/year | Up to 2 assessments/year |
| Integration Consultations | Up to 1 consultation/year | Up to 2 consultations/year | Up to 4 consultations/year | Up to 6 consultations/year |
| Maturity Assessments | N/A | Up to 1 assessment/year | Up to 2 assessments/year | Up to 3 assessments/year |
| Product Roadmap Sessions | N/A | N/A | Up to 1 session/year | Up to 2 sessions/year |
| Product/Feature Consultations | Up to 1 consultation/year | Up to 1 consultation/year | Up to 2 consultations/year | Up to 4 consultations/year |`;
const TIERS = ["NO_SERVICES", "PREMIUM_SUPPORT", "SILVER_SERVICES", "GOLD_SERVICES"]; // the table's columns
const ACTIVITY_OF_ROW: Record<string, string> = {
  "Alert Strategies Workshops": "ALERT_STRATEGIES_WORKSHOP",
  "Automation Ideation & Guidance Sessions": "AUTOMATION_IDEATION_SESSION",
  "Incident Lifecycle Assessments": "INCIDENT_LIFECYCLE_ASSESSMENT",
  "Integration Consultations": "INTEGRATION_CONSULTATION",
  "Maturity Assessments": "MATURITY_ASSESSMENT",
  "Product Roadmap Sessions": "PRODUCT_ROADMAP_SESSION",
  "Product/Feature Consultations": "PRODUCT_FEATURE_CONSULTATION",
};
const cells = POLICY_TABLE.trim()
  .split("\n")
  .flatMap((line) => {
    const [name, ...columns] = line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim()) as [string, ...string[]];
    return TIERS.map((tier, i) => ({ name, activity: ACTIVITY_OF_ROW[name]!, tier, cell: columns[i]! }));
  });
const capOf = (cell: string) => (cell === "N/A" ? null : Number(/^Up to (\d+) /.exec(cell)![1]));

describe("the caps table, through the API", () => {
  const summaries = new Map<string, Awaited<ReturnType<typeof entitlementsOf>>>();
  beforeAll(async () => {
    for (const tier of TIERS) summaries.set(tier, await entitlementsOf(api, (await anAccount(api, { tier })).id));
  });

  test.each(cells)("$name, $tier: $cell", ({ activity, tier, cell }) => {
    const row = rowOf(summaries.get(tier)!, activity);
    expect(row.cap).toBe(capOf(cell));
    expect(row.eligible).toBe(cell !== "N/A");
    expect(row.remaining).toBe(capOf(cell));
    if (cell === "N/A") expect(row.reasonCode).toBe("NOT_ENTITLED");
  });

  test("lists the seven activities in the policy's order, with the policy's footnotes", async () => {
    const account = await anAccount(api);
    const data = await api.must(
      `query($id: ID!) { entitlements(accountId: $id) { activities { activity } footnotes } }`,
      {
        id: account.id,
      },
    );
    expect(data.entitlements.activities.map((a: { activity: string }) => a.activity)).toEqual(
      Object.values(ACTIVITY_OF_ROW),
    );
    expect(data.entitlements.footnotes).toEqual([
      "Usage caps are measured per contract year, starting at the beginning of the subscription start date, and do not roll over. Additional sessions may be available through Professional Services engagements.",
      "Customers without a service entitlement may receive up to one consultation per year, which may be used for either an Integration Consultation or a Product/Feature Consultation.",
    ]);
  });
});

describe("footnote 1: caps per contract year from the subscription start date, no rollover", () => {
  test("contract years start at local midnight of each anniversary, in the account's time zone", async () => {
    const account = await anAccount(api, { subscriptionStartDate: "2023-07-01", timezone: "Pacific/Auckland" });
    const summary = await entitlementsOf(api, account.id, new Date("2025-01-15T00:00:00Z"));
    // 1 July 00:00 in Auckland (UTC+12 in winter) is 30 June 12:00 UTC.
    expect(summary.contractYear).toEqual({ start: "2024-06-30T12:00:00.000Z", end: "2025-06-30T12:00:00.000Z" });
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Pacific/Auckland",
      dateStyle: "short",
      timeStyle: "short",
      hourCycle: "h23",
    });
    expect(local.format(new Date(summary.contractYear.start))).toBe("2024-07-01, 00:00");
  });

  test("a subscription starting on 29 February renews on 28 February in common years and 29 February in leap years", async () => {
    const account = await anAccount(api, { subscriptionStartDate: "2024-02-29" });
    expect((await entitlementsOf(api, account.id, new Date("2025-06-01T00:00:00Z"))).contractYear).toEqual({
      start: "2025-02-28T00:00:00.000Z",
      end: "2026-02-28T00:00:00.000Z",
    });
    expect((await entitlementsOf(api, account.id, new Date("2028-03-01T00:00:00Z"))).contractYear).toEqual({
      start: "2028-02-29T00:00:00.000Z",
      end: "2029-02-28T00:00:00.000Z",
    });
  });

  test("a session counts in the contract year in which it takes place; the next year starts afresh without rollover", async () => {
    // The first anniversary is 10 days away: year 0 has used its one Alert Strategies Workshop, year 1 has its own.
    const account = await anAccount(api, { tier: "GOLD_SERVICES", subscriptionStartDate: dateFromToday(api, -355) });
    const customer = await aCustomer(api, account.id);
    const thisYear = await entitlementsOf(api, account.id);
    const anniversary = new Date(thisYear.contractYear.end);
    const lastSlotThisYear = plus(anniversary, -minutes(60));
    const first = await book(
      api,
      { accountId: account.id, activity: "ALERT_STRATEGIES_WORKSHOP", startsAt: lastSlotThisYear },
      customer.token,
    );
    expect(first.errors).toBeUndefined();
    const again = await book(
      api,
      { accountId: account.id, activity: "ALERT_STRATEGIES_WORKSHOP", startsAt: next(api, 3, "10:00") },
      customer.token,
    );
    expect(again.errors?.[0]?.extensions.code).toBe("ENTITLEMENT_EXHAUSTED");
    const nextYear = await book(
      api,
      { accountId: account.id, activity: "ALERT_STRATEGIES_WORKSHOP", startsAt: anniversary },
      customer.token,
    );
    expect(nextYear.errors).toBeUndefined();
    // Unused Integration Consultations of year 0 do not carry over: year 1 has 6, not 12.
    const year1 = await entitlementsOf(api, account.id, anniversary);
    expect(year1.contractYear.start).toBe(anniversary.toISOString());
    expect(rowOf(year1, "INTEGRATION_CONSULTATION")).toMatchObject({ cap: 6, used: 0, remaining: 6 });
    expect(rowOf(year1, "ALERT_STRATEGIES_WORKSHOP")).toMatchObject({ cap: 1, used: 1, remaining: 0 });
    expect(rowOf(await entitlementsOf(api, account.id), "ALERT_STRATEGIES_WORKSHOP")).toMatchObject({
      used: 1,
      remaining: 0,
      reasonCode: "ENTITLEMENT_EXHAUSTED",
    });
  });

  test("before the subscription starts, the first contract year is shown and nothing can be booked before it", async () => {
    const start = dateFromToday(api, 30);
    const account = await anAccount(api, { subscriptionStartDate: start });
    const summary = await entitlementsOf(api, account.id);
    expect(summary.contractYear.start).toBe(`${start}T00:00:00.000Z`);
    const early = await book(api, {
      accountId: account.id,
      activity: "INTEGRATION_CONSULTATION",
      startsAt: next(api, 2, "10:00"),
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.startsAt": `is before the subscription starts on ${start}` },
    });
  });
});

describe("footnote 2: customers without services get one consultation a year, of either kind", () => {
  test("booking an Integration Consultation uses up the Product/Feature Consultation too", async () => {
    const account = await anAccount(api, { tier: "NO_SERVICES", products: ["INCIDENT_MANAGEMENT"] });
    const customer = await aCustomer(api, account.id);
    const before = await entitlementsOf(api, account.id);
    for (const activity of ["INTEGRATION_CONSULTATION", "PRODUCT_FEATURE_CONSULTATION"])
      expect(rowOf(before, activity)).toMatchObject({ cap: 1, used: 0, remaining: 1, eligible: true });
    expect(rowOf(before, "INTEGRATION_CONSULTATION").sharedWith).toEqual(["PRODUCT_FEATURE_CONSULTATION"]);

    const booked = await book(
      api,
      { accountId: account.id, activity: "INTEGRATION_CONSULTATION", startsAt: next(api, 2, "10:00") },
      customer.token,
    );
    expect(booked.errors).toBeUndefined();
    const after = await entitlementsOf(api, account.id);
    expect(rowOf(after, "PRODUCT_FEATURE_CONSULTATION")).toMatchObject({
      cap: 1,
      used: 1,
      remaining: 0,
      eligible: false,
      reasonCode: "ENTITLEMENT_EXHAUSTED",
    });
    const second = await book(
      api,
      { accountId: account.id, activity: "PRODUCT_FEATURE_CONSULTATION", startsAt: next(api, 3, "10:00") },
      customer.token,
    );
    expect(second.errors?.[0]?.extensions.code).toBe("ENTITLEMENT_EXHAUSTED");
    expect(second.errors?.[0]?.message).toMatch(/share one allowance in No Services.*Professional Services/);

    // Cancelling the consultation frees the shared place again.
    await api.must(`mutation($id: ID!) { cancelBooking(bookingId: $id) { status } }`, {
      id: booked.data!.bookSession.id,
    });
    const retry = await book(
      api,
      { accountId: account.id, activity: "PRODUCT_FEATURE_CONSULTATION", startsAt: next(api, 3, "10:00") },
      customer.token,
    );
    expect(retry.errors).toBeUndefined();
  });

  test("Premium Support keeps the two consultations apart", async () => {
    const account = await anAccount(api, { tier: "PREMIUM_SUPPORT" });
    await book(api, {
      accountId: account.id,
      activity: "PRODUCT_FEATURE_CONSULTATION",
      startsAt: next(api, 2, "10:00"),
    });
    const summary = await entitlementsOf(api, account.id);
    expect(rowOf(summary, "PRODUCT_FEATURE_CONSULTATION")).toMatchObject({ cap: 1, used: 1, remaining: 0 });
    expect(rowOf(summary, "INTEGRATION_CONSULTATION")).toMatchObject({ cap: 2, used: 0, remaining: 2, sharedWith: [] });
  });
});

describe("product requirements: only required products block", () => {
  test("Automation Ideation needs Runbook Automation, its Self-Hosted edition or Workflow Automation", async () => {
    const account = await anAccount(api, { products: ["INCIDENT_MANAGEMENT", "AIOPS"] });
    const row = rowOf(await entitlementsOf(api, account.id), "AUTOMATION_IDEATION_SESSION");
    expect(row).toMatchObject({
      eligible: false,
      reasonCode: "PRODUCT_REQUIREMENT_UNMET",
      reason:
        "Automation Ideation & Guidance Sessions require at least one of Runbook Automation, Runbook Automation Self-Hosted or Workflow Automation.",
    });
    await api.must(
      `mutation($id: ID!) { updateAccount(id: $id, input: { products: [INCIDENT_MANAGEMENT, WORKFLOW_AUTOMATION] }) { id } }`,
      {
        id: account.id,
      },
    );
    expect(rowOf(await entitlementsOf(api, account.id), "AUTOMATION_IDEATION_SESSION").eligible).toBe(true);
  });

  test("optional and recommended products do not block: Incident Management alone opens the assessment and the workshop", async () => {
    const account = await anAccount(api, { products: ["INCIDENT_MANAGEMENT"] });
    const data = await api.must(
      `query($id: ID!) { entitlements(accountId: $id) { activities { activity eligible recommendedProductsMissing } } }`,
      { id: account.id },
    );
    const rows = Object.fromEntries(
      data.entitlements.activities.map((a: { activity: string }) => [a.activity, a]),
    ) as Record<string, { eligible: boolean; recommendedProductsMissing: string[] }>;
    expect(rows["INCIDENT_LIFECYCLE_ASSESSMENT"]).toEqual(expect.objectContaining({ eligible: true }));
    expect(rows["ALERT_STRATEGIES_WORKSHOP"]).toEqual(
      expect.objectContaining({ eligible: true, recommendedProductsMissing: ["AIOPS"] }),
    );
    expect(rows["AUTOMATION_IDEATION_SESSION"]?.eligible).toBe(false);
  });
});

describe("a change of tier mid-year", () => {
  test("the tier in force when the session takes place sets the cap; sessions already used still count", async () => {
    const account = await anAccount(api, { tier: "GOLD_SERVICES" });
    const id = account.id;
    const setTier = (tier: string) =>
      api.must(`mutation($id: ID!, $tier: ServiceTier!) { updateAccount(id: $id, input: { tier: $tier }) { tier } }`, {
        id,
        tier,
      });
    for (const day of [2, 3])
      expect(
        (await book(api, { accountId: id, activity: "MATURITY_ASSESSMENT", startsAt: next(api, day, "10:00") })).errors,
      ).toBeUndefined();
    const beforeChange = api.clock.now();
    api.clock.advance(60_000);

    await setTier("PREMIUM_SUPPORT");
    expect(rowOf(await entitlementsOf(api, id), "MATURITY_ASSESSMENT")).toMatchObject({
      cap: 1,
      used: 2,
      remaining: 0,
      reasonCode: "ENTITLEMENT_EXHAUSTED",
    });
    const refused = await book(api, {
      accountId: id,
      activity: "MATURITY_ASSESSMENT",
      startsAt: next(api, 4, "10:00"),
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "ENTITLEMENT_EXHAUSTED", cap: 1, used: 2 });
    const lacking = await book(api, {
      accountId: id,
      activity: "PRODUCT_ROADMAP_SESSION",
      startsAt: next(api, 4, "10:00"),
    });
    expect(lacking.errors?.[0]?.extensions.code).toBe("NOT_ENTITLED");

    // Looking back, the Gold tier was in force.
    const past = await entitlementsOf(api, id, beforeChange);
    expect(past.tier).toBe("GOLD_SERVICES");
    expect(rowOf(past, "MATURITY_ASSESSMENT")).toMatchObject({ cap: 3, used: 2, remaining: 1 });

    api.clock.advance(60_000);
    await setTier("GOLD_SERVICES");
    const upgraded = await book(api, {
      accountId: id,
      activity: "MATURITY_ASSESSMENT",
      startsAt: next(api, 4, "10:00"),
    });
    expect(upgraded.errors).toBeUndefined();
    expect(upgraded.data?.bookSession.tier).toBe("GOLD_SERVICES");
    expect(rowOf(await entitlementsOf(api, id), "MATURITY_ASSESSMENT")).toMatchObject({
      cap: 3,
      used: 3,
      remaining: 0,
    });
  });

  test("an upgrade mid-year opens the difference: Silver's one assessment used, Gold allows a second", async () => {
    const account = await anAccount(api, { tier: "SILVER_SERVICES" });
    const ila = (day: number) => ({
      accountId: account.id,
      activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
      startsAt: next(api, day, "10:00"),
      followUpStartsAt: next(api, day, "14:00"),
    });
    expect((await book(api, ila(1))).errors).toBeUndefined();
    expect((await book(api, ila(2))).errors?.[0]?.extensions.code).toBe("ENTITLEMENT_EXHAUSTED");
    api.clock.advance(60_000);
    await api.must(`mutation($id: ID!) { updateAccount(id: $id, input: { tier: GOLD_SERVICES }) { tier } }`, {
      id: account.id,
    });
    expect((await book(api, ila(2))).errors).toBeUndefined();
  });
});

describe("the policy's activity details, shown to the customer", () => {
  test("cseActivities gives each activity's outcome, customer requirements, time commitment and product requirements", async () => {
    const data = await api.must(
      `{ cseActivities { activity name outcome customerRequirements
          timeCommitment { text totalMinutes sessions { part durationMinutes } }
          productRequirements { text required anyOf recommended optional }
          caps { tier cap } } }`,
      {},
      null,
    );
    const byActivity = Object.fromEntries(data.cseActivities.map((a: { activity: string }) => [a.activity, a]));
    expect(data.cseActivities).toHaveLength(7);
    expect(byActivity["INCIDENT_LIFECYCLE_ASSESSMENT"]).toMatchObject({
      name: "Incident Lifecycle Assessments",
      timeCommitment: {
        text: "One 60-minute discovery and one 30 minute follow-up session",
        totalMinutes: 90,
        sessions: [
          { part: "DISCOVERY", durationMinutes: 60 },
          { part: "FOLLOW_UP", durationMinutes: 30 },
        ],
      },
      productRequirements: { required: ["INCIDENT_MANAGEMENT"], anyOf: [] },
      caps: [
        { tier: "NO_SERVICES", cap: null },
        { tier: "PREMIUM_SUPPORT", cap: null },
        { tier: "SILVER_SERVICES", cap: 1 },
        { tier: "GOLD_SERVICES", cap: 2 },
      ],
    });
    expect(byActivity["ALERT_STRATEGIES_WORKSHOP"]).toMatchObject({
      customerRequirements:
        "Participants should have a working knowledge of PagerDuty, including Events, Alerts, and Incidents, and be familiar with service configuration, Event Orchestration concepts, and AIOps (if applicable).",
      outcome:
        "Following the session, customers will be equipped with tailored recommendations and actionable steps to optimize their alerting configurations. This includes strategies to reduce noise and enrich incidents, enabling more efficient and effective incident management workflows.",
      timeCommitment: { totalMinutes: 60 },
      productRequirements: {
        text: "Incident Management is required; AIOps is recommended for deeper insights.",
        required: ["INCIDENT_MANAGEMENT"],
        recommended: ["AIOPS"],
      },
    });
    expect(byActivity["PRODUCT_ROADMAP_SESSION"].timeCommitment.totalMinutes).toBe(30);
  });

  test("each entitlement row carries its activity's details", async () => {
    const account = await anAccount(api);
    const data = await api.must(
      `query($id: ID!) { entitlements(accountId: $id) { account { id } activities { activity details { customerRequirements } } } }`,
      { id: account.id },
    );
    expect(data.entitlements.account.id).toBe(account.id);
    expect(data.entitlements.activities[3]).toMatchObject({
      activity: "INTEGRATION_CONSULTATION",
      details: { customerRequirements: expect.stringMatching(/^Participants should have a clear understanding/) },
    });
  });
});

describe("who sees entitlements", () => {
  test("a customer sees their own account's, and another account's is FORBIDDEN", async () => {
    const own = await anAccount(api);
    const other = await anAccount(api);
    const customer = await aCustomer(api, own.id);
    expect((await entitlementsOf(api, own.id, undefined, customer.token)).activities).toHaveLength(7);
    const res = await api.gql(
      `query($id: ID!) { entitlements(accountId: $id) { tier } }`,
      { id: other.id },
      customer.token,
    );
    expect(res.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  test("an unknown account is NOT_FOUND", async () => {
    const res = await api.gql(`query($id: ID!) { entitlements(accountId: $id) { tier } }`, {
      id: "00000000-0000-4000-8000-00000000beef",
    });
    expect(res.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});
