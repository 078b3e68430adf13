import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";
import {
  BOOKING_FIELDS,
  aCse,
  aCustomer,
  aUser,
  anAccount,
  book,
  bookingTables,
  entitlementsOf,
  minutes,
  next,
  plus,
  rowOf,
} from "../../test/cse-fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const CANCEL = `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status cancelledAt } }`;
const SET_HOURS = `mutation($userId: ID!, $input: SetWorkingHoursInput!) {
  setWorkingHours(userId: $userId, input: $input) { userId timezone weekly { weekday start end } custom }
}`;

// Each test books in its own week, so CSEs made by one test are never busy for another.
let week = 0;
const inAWeek = () => 7 * ++week;

describe("booking a session", () => {
  test("a customer books for their account: a free CSE is assigned and the ledger counts it", async () => {
    const cse = await aCse(api);
    const account = await anAccount(api);
    const customer = await aCustomer(api, account.id);
    const startsAt = next(api, 2, "10:00", inAWeek());
    const res = await book(
      api,
      { accountId: account.id, activity: "PRODUCT_ROADMAP_SESSION", startsAt, notes: "Roadmap for 2027" },
      customer.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.bookSession).toMatchObject({
      activity: "PRODUCT_ROADMAP_SESSION",
      status: "CONFIRMED",
      startsAt: startsAt.toISOString(),
      endsAt: plus(startsAt, minutes(30)).toISOString(),
      followUpStartsAt: null,
      tier: "GOLD_SERVICES",
      notes: "Roadmap for 2027",
      account: { id: account.id },
      cse: { id: cse.id },
      sessions: [{ part: "SESSION" }],
    });
    expect(rowOf(await entitlementsOf(api, account.id), "PRODUCT_ROADMAP_SESSION")).toMatchObject({
      cap: 2,
      used: 1,
      remaining: 1,
    });
  });

  test("an Incident Lifecycle Assessment is a 60-minute discovery and a 30-minute follow-up with one CSE, counted once", async () => {
    await aCse(api);
    const account = await anAccount(api, { tier: "SILVER_SERVICES", products: ["INCIDENT_MANAGEMENT"] });
    const startsAt = next(api, 1, "09:00", inAWeek());
    const followUpStartsAt = next(api, 4, "15:30", inAWeek() - 7);
    const res = await book(api, {
      accountId: account.id,
      activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
      startsAt,
      followUpStartsAt,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.bookSession.sessions).toEqual([
      { part: "DISCOVERY", startsAt: startsAt.toISOString(), endsAt: plus(startsAt, minutes(60)).toISOString() },
      {
        part: "FOLLOW_UP",
        startsAt: followUpStartsAt.toISOString(),
        endsAt: plus(followUpStartsAt, minutes(30)).toISOString(),
      },
    ]);
    const sessions = await api.sql<{ part: string; cse_id: string }>(
      "SELECT part, cse_id FROM cse_session WHERE booking_id = $1 ORDER BY lower(during)",
      [res.data?.bookSession.id],
    );
    expect(sessions.map((s) => s.part)).toEqual(["DISCOVERY", "FOLLOW_UP"]);
    expect(new Set(sessions.map((s) => s.cse_id)).size).toBe(1);
    expect(rowOf(await entitlementsOf(api, account.id), "INCIDENT_LIFECYCLE_ASSESSMENT")).toMatchObject({
      cap: 1,
      used: 1,
      remaining: 0,
    });
  });

  test("a CSE and an admin book for any account", async () => {
    const cse = await aCse(api);
    const account = await anAccount(api);
    const startsAt = next(api, 3, "11:00", inAWeek());
    const byCse = await book(api, { accountId: account.id, activity: "INTEGRATION_CONSULTATION", startsAt }, cse.token);
    expect(byCse.errors).toBeUndefined();
    const byAdmin = await book(api, {
      accountId: account.id,
      activity: "INTEGRATION_CONSULTATION",
      startsAt: plus(startsAt, minutes(30)),
    });
    expect(byAdmin.errors).toBeUndefined();
  });

  test("replaying a request with its idempotency key returns the same booking and books nothing more", async () => {
    await aCse(api);
    const account = await anAccount(api);
    const customer = await aCustomer(api, account.id);
    const input = {
      accountId: account.id,
      activity: "MATURITY_ASSESSMENT",
      startsAt: next(api, 2, "13:00", inAWeek()),
      idempotencyKey: "maturity-2026-q4",
    };
    const first = await book(api, input, customer.token);
    const before = await bookingTables(api);
    const replay = await book(api, input, customer.token);
    expect(replay.errors).toBeUndefined();
    expect(replay.data?.bookSession.id).toBe(first.data?.bookSession.id);
    expect(await bookingTables(api)).toEqual(before);
    // Even once the session time has passed, the replay still answers with the booking.
    api.clock.advance(60 * 86_400_000);
    expect((await book(api, input, customer.token)).data?.bookSession.id).toBe(first.data?.bookSession.id);
  });
});

describe("CSE calendars", () => {
  test("no CSE is booked twice at once: a second booking at the same time goes to another CSE, a third is refused", async () => {
    const startsAt = next(api, 2, "15:00", inAWeek());
    const busy = await api.sql<{ cse_id: string }>(
      "SELECT DISTINCT cse_id FROM cse_session WHERE during && tstzrange($1, $2)",
      [startsAt, plus(startsAt, minutes(60))],
    );
    expect(busy).toEqual([]);
    const engineers = (await api.must(`{ customerSuccessEngineers { id } }`)).customerSuccessEngineers as {
      id: string;
    }[];
    const accounts = [];
    for (let i = 0; i <= engineers.length; i++) accounts.push(await anAccount(api));
    const results = [];
    for (const account of accounts)
      results.push(await book(api, { accountId: account.id, activity: "MATURITY_ASSESSMENT", startsAt }));
    const booked = results.filter((r) => !r.errors).map((r) => r.data?.bookSession.cse.id);
    expect(new Set(booked).size).toBe(engineers.length);
    expect(results.at(-1)?.errors?.[0]).toMatchObject({
      extensions: { code: "CONFLICT" },
      message: expect.stringContaining("availableSlots"),
    });
  });

  test("the database itself refuses overlapping calls of one CSE (exclusion constraint)", async () => {
    await aCse(api);
    const account = await anAccount(api);
    const startsAt = next(api, 4, "10:00", inAWeek());
    const res = await book(api, { accountId: account.id, activity: "MATURITY_ASSESSMENT", startsAt });
    const booking = res.data?.bookSession;
    const other = await anAccount(api);
    await expect(
      api.sql(
        `WITH b AS (INSERT INTO cse_booking (account_id, activity, cse_id, starts_at, ends_at, tier)
                    VALUES ($1, 'PRODUCT_ROADMAP_SESSION', $2, $3, $4, 'GOLD_SERVICES') RETURNING id, cse_id, status)
         INSERT INTO cse_session (booking_id, part, cse_id, booking_status, during)
         SELECT id, 'SESSION', cse_id, status, tstzrange($3, $4) FROM b`,
        [other.id, booking.cse.id, plus(startsAt, minutes(30)), plus(startsAt, minutes(60))],
      ),
    ).rejects.toThrow(/cse_session_no_double_booking/);
    // Once cancelled, the time is free: the cancellation reaches the calendar through the foreign key.
    await api.must(CANCEL, { id: booking.id });
    const [session] = await api.sql<{ booking_status: string }>(
      "SELECT booking_status FROM cse_session WHERE booking_id = $1",
      [booking.id],
    );
    expect(session?.booking_status).toBe("CANCELLED");
  });

  test("working hours are read in the CSE's own time zone", async () => {
    const tokyo = await aCse(api);
    const res = await api.gql(SET_HOURS, {
      userId: tokyo.id,
      input: { timezone: "Asia/Tokyo", weekly: [{ weekday: 6, start: "09:00", end: "12:00" }] },
    });
    expect(res.data?.setWorkingHours).toEqual({
      userId: tokyo.id,
      timezone: "Asia/Tokyo",
      weekly: [{ weekday: 6, start: "09:00", end: "12:00" }],
      custom: true,
    });
    const account = await anAccount(api);
    // Saturday 10:00 in Tokyo is Saturday 01:00 UTC: only this CSE works then.
    const startsAt = next(api, 6, "01:00", inAWeek());
    const booked = await book(api, { accountId: account.id, activity: "PRODUCT_ROADMAP_SESSION", startsAt });
    expect(booked.data?.bookSession.cse.id).toBe(tokyo.id);
    const outside = await book(api, {
      accountId: account.id,
      activity: "PRODUCT_ROADMAP_SESSION",
      startsAt: plus(startsAt, minutes(180)),
    });
    expect(outside.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.startsAt": expect.stringContaining("outside every Customer Success Engineer's working hours") },
    });
  });

  test("a CSE works Monday to Friday 09:00–17:00 UTC until told otherwise, and may set their own hours only", async () => {
    const cse = await aCse(api);
    const other = await aCse(api);
    const hours = await api.must(
      `query($id: ID!) { workingHours(userId: $id) { timezone weekly { weekday start end } custom } }`,
      {
        id: cse.id,
      },
    );
    expect(hours.workingHours).toEqual({
      timezone: "UTC",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
      custom: false,
    });
    const own = await api.gql(
      SET_HOURS,
      { userId: cse.id, input: { timezone: "Europe/Lisbon", weekly: [{ weekday: 1, start: "08:00", end: "12:00" }] } },
      cse.token,
    );
    expect(own.errors).toBeUndefined();
    const theirs = await api.gql(SET_HOURS, { userId: other.id, input: { timezone: "UTC", weekly: [] } }, cse.token);
    expect(theirs.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const [row] = await api.sql("SELECT count(*)::int AS n FROM cse_working_hours WHERE user_id = $1", [other.id]);
    expect(row).toEqual({ n: 0 });
  });

  test("bad working hours name each bad entry and change nothing", async () => {
    const cse = await aCse(api);
    await api.must(SET_HOURS, {
      userId: cse.id,
      input: { timezone: "UTC", weekly: [{ weekday: 1, start: "10:00", end: "11:00" }] },
    });
    const res = await api.gql(SET_HOURS, {
      userId: cse.id,
      input: {
        timezone: "UTC",
        weekly: [
          { weekday: 8, start: "09:00", end: "10:00" },
          { weekday: 2, start: "25:00", end: "26:00" },
          { weekday: 3, start: "12:00", end: "11:00" },
          { weekday: 4, start: "09:00", end: "12:00" },
          { weekday: 4, start: "11:00", end: "13:00" },
        ],
      },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: {
        "input.weekly.0.weekday": "Weekday must be 1 (Monday) to 7 (Sunday).",
        "input.weekly.1.start": expect.any(String),
        "input.weekly.2.end": "End must be later than start on the same day.",
        "input.weekly.4.start": "Overlaps entry 3 on the same weekday.",
      },
    });
    const badZone = await api.gql(SET_HOURS, { userId: cse.id, input: { timezone: "Moon/Tranquility", weekly: [] } });
    expect(badZone.errors?.[0]?.extensions.fields).toHaveProperty("input.timezone");
    const notCse = await aUser(api, "SUPPORT_AGENT");
    const wrongUser = await api.gql(SET_HOURS, { userId: notCse.id, input: { timezone: "UTC", weekly: [] } });
    expect(wrongUser.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { userId: expect.any(String) },
    });
    const [row] = await api.sql<{ weekly: unknown }>("SELECT weekly FROM cse_working_hours WHERE user_id = $1", [
      cse.id,
    ]);
    expect(row?.weekly).toEqual([{ weekday: 1, start: "10:00", end: "11:00" }]);
  });
});

describe("cancelling", () => {
  test("cancelling frees the place under the cap; a cancelled booking cannot be cancelled again", async () => {
    await aCse(api);
    const account = await anAccount(api, { tier: "PREMIUM_SUPPORT" });
    const customer = await aCustomer(api, account.id);
    const startsAt = next(api, 1, "10:00", inAWeek());
    const first = await book(api, { accountId: account.id, activity: "MATURITY_ASSESSMENT", startsAt }, customer.token);
    const refused = await book(
      api,
      { accountId: account.id, activity: "MATURITY_ASSESSMENT", startsAt: plus(startsAt, minutes(120)) },
      customer.token,
    );
    expect(refused.errors?.[0]?.extensions.code).toBe("ENTITLEMENT_EXHAUSTED");
    const cancelled = await api.gql(CANCEL, { id: first.data?.bookSession.id }, customer.token);
    expect(cancelled.data?.cancelBooking).toMatchObject({ status: "CANCELLED", cancelledAt: expect.any(String) });
    expect(rowOf(await entitlementsOf(api, account.id), "MATURITY_ASSESSMENT")).toMatchObject({
      used: 0,
      remaining: 1,
    });
    const again = await api.gql(CANCEL, { id: first.data?.bookSession.id }, customer.token);
    expect(again.errors?.[0]?.extensions.code).toBe("INVALID_TRANSITION");
    const rebooked = await book(
      api,
      { accountId: account.id, activity: "MATURITY_ASSESSMENT", startsAt: plus(startsAt, minutes(120)) },
      customer.token,
    );
    expect(rebooked.errors).toBeUndefined();
  });

  test("a session that has begun counts as used and cannot be cancelled", async () => {
    await aCse(api);
    const account = await anAccount(api);
    const startsAt = next(api, 5, "09:00", inAWeek());
    const booked = await book(api, { accountId: account.id, activity: "PRODUCT_FEATURE_CONSULTATION", startsAt });
    api.clock.advance(startsAt.getTime() - api.clock.now().getTime() + 1_000);
    const res = await api.gql(CANCEL, { id: booked.data?.bookSession.id });
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: "INVALID_TRANSITION" },
      message: expect.stringContaining("already begun"),
    });
    const [row] = await api.sql("SELECT status FROM cse_booking WHERE id = $1", [booked.data?.bookSession.id]);
    expect(row).toEqual({ status: "CONFIRMED" });
  });

  test("a customer cannot cancel another account's booking: it is NOT_FOUND to them", async () => {
    await aCse(api);
    const account = await anAccount(api);
    const stranger = await aCustomer(api, (await anAccount(api)).id);
    const booked = await book(api, {
      accountId: account.id,
      activity: "INTEGRATION_CONSULTATION",
      startsAt: next(api, 2, "09:00", inAWeek()),
    });
    const res = await api.gql(CANCEL, { id: booked.data?.bookSession.id }, stranger.token);
    expect(res.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const [row] = await api.sql("SELECT status FROM cse_booking WHERE id = $1", [booked.data?.bookSession.id]);
    expect(row).toEqual({ status: "CONFIRMED" });
  });
});

describe("reading one booking", () => {
  // Regression: booking(id) of another account answered null where the README promises NOT_FOUND.
  test("another account's booking is NOT_FOUND to a customer, as is an id that names nothing", async () => {
    await aCse(api);
    const account = await anAccount(api);
    const owner = await aCustomer(api, account.id);
    const stranger = await aCustomer(api, (await anAccount(api)).id);
    const booked = await book(api, {
      accountId: account.id,
      activity: "INTEGRATION_CONSULTATION",
      startsAt: next(api, 3, "09:00", inAWeek()),
    });
    const id = booked.data?.bookSession.id;
    const READ = `query($id: ID!) { booking(id: $id) { id } }`;
    expect((await api.gql(READ, { id }, owner.token)).data?.booking).toEqual({ id });
    const theirs = await api.gql(READ, { id }, stranger.token);
    expect(theirs.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect(theirs.data?.booking ?? null).toBeNull();
    const missing = await api.gql(READ, { id: "7d0e4c2a-0000-4000-8000-000000000000" }, owner.token);
    expect(missing.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});

describe("listing bookings and open times", () => {
  test("bookings is a connection, soonest first; a customer sees their own account's only", async () => {
    const cse = await aCse(api);
    const account = await anAccount(api);
    const customer = await aCustomer(api, account.id);
    const base = next(api, 2, "09:00", inAWeek());
    const cseOf = new Map<string, number>();
    for (const offset of [120, 0, 60]) {
      const res = await book(api, {
        accountId: account.id,
        activity: "INTEGRATION_CONSULTATION",
        startsAt: plus(base, minutes(offset)),
      });
      const cseId = res.data?.bookSession.cse.id as string;
      cseOf.set(cseId, (cseOf.get(cseId) ?? 0) + 1);
    }
    const Q = `query($accountId: ID, $cseId: ID, $after: String) {
      bookings(accountId: $accountId, cseId: $cseId, first: 2, after: $after) {
        edges { cursor node { startsAt account { id } } } pageInfo { hasNextPage endCursor } } }`;
    const page1 = await api.must(Q, { accountId: account.id }, customer.token);
    expect(page1.bookings.edges.map((e: any) => e.node.startsAt)).toEqual([
      base.toISOString(),
      plus(base, minutes(60)).toISOString(),
    ]);
    expect(page1.bookings.pageInfo.hasNextPage).toBe(true);
    const page2 = await api.must(
      Q,
      { accountId: account.id, after: page1.bookings.pageInfo.endCursor },
      customer.token,
    );
    expect(page2.bookings.edges.map((e: any) => e.node.startsAt)).toEqual([plus(base, minutes(120)).toISOString()]);
    expect(page2.bookings.pageInfo.hasNextPage).toBe(false);
    // Without an account, a customer still sees only their own.
    const mine = await api.must(Q, {}, customer.token);
    expect(new Set(mine.bookings.edges.map((e: any) => e.node.account.id))).toEqual(new Set([account.id]));
    const other = await api.gql(Q, { accountId: (await anAccount(api)).id }, customer.token);
    expect(other.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    // Staff read each CSE's calendar: the account's bookings are spread over the least busy CSEs.
    for (const [cseId, count] of cseOf) {
      const calendar = await api.must(Q.replace("first: 2", "first: 100"), { cseId }, cse.token);
      expect(calendar.bookings.edges.filter((e: any) => e.node.account.id === account.id)).toHaveLength(count);
    }
  });

  test("availableSlots offers free times in working hours, leaves out taken ones, and says why when none can be booked", async () => {
    await api.must(
      `mutation { createUser(input: { name: "Slot CSE", email: "slot.cse@example.com", role: CUSTOMER_SUCCESS_ENGINEER }) { user { id } } }`,
    );
    const account = await anAccount(api);
    const customer = await aCustomer(api, account.id);
    const day = next(api, 3, "00:00", inAWeek());
    const Q = `query($accountId: ID!, $activity: CseActivity!, $from: DateTime!, $to: DateTime!, $part: SessionPart) {
      availableSlots(accountId: $accountId, activity: $activity, from: $from, to: $to, part: $part) { startsAt endsAt freeEngineers } }`;
    const vars = { accountId: account.id, activity: "ALERT_STRATEGIES_WORKSHOP", from: day, to: plus(day, 86_400_000) };
    const before = (await api.must(Q, vars, customer.token)).availableSlots as {
      startsAt: string;
      freeEngineers: number;
    }[];
    expect(before[0]?.startsAt).toBe(plus(day, minutes(9 * 60)).toISOString());
    expect(before.at(-1)?.startsAt).toBe(plus(day, minutes(16 * 60)).toISOString());
    const engineers = before[0]!.freeEngineers;
    const booked = await book(api, {
      accountId: account.id,
      activity: "INTEGRATION_CONSULTATION",
      startsAt: plus(day, minutes(600)),
    });
    expect(booked.errors).toBeUndefined();
    const after = (await api.must(Q, vars, customer.token)).availableSlots as {
      startsAt: string;
      freeEngineers: number;
    }[];
    const at10 = after.find((s) => s.startsAt === plus(day, minutes(600)).toISOString());
    expect(at10?.freeEngineers ?? 0).toBe(engineers - 1);
    // The one workshop of the year, booked: no time can be offered, and the answer says why.
    await book(api, {
      accountId: account.id,
      activity: "ALERT_STRATEGIES_WORKSHOP",
      startsAt: plus(day, minutes(13 * 60)),
    });
    const exhausted = await api.gql(Q, vars, customer.token);
    expect(exhausted.errors?.[0]?.extensions.code).toBe("ENTITLEMENT_EXHAUSTED");
    const followUps = await api.must(Q, { ...vars, activity: "INCIDENT_LIFECYCLE_ASSESSMENT", part: "FOLLOW_UP" });
    expect(followUps.availableSlots[0]).toMatchObject({ endsAt: plus(day, minutes(9 * 60 + 30)).toISOString() });
    const tooLong = await api.gql(Q, { ...vars, to: plus(day, 40 * 86_400_000) });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { to: expect.any(String) },
    });
  });

  test("booking fields read back through Query.booking", async () => {
    await aCse(api);
    const account = await anAccount(api);
    const booked = await book(api, {
      accountId: account.id,
      activity: "INTEGRATION_CONSULTATION",
      startsAt: next(api, 1, "16:30", inAWeek()),
    });
    const res = await api.must(`query($id: ID!) { booking(id: $id) { ${BOOKING_FIELDS} bookedBy { id } } }`, {
      id: booked.data?.bookSession.id,
    });
    expect(res.booking).toEqual({ ...booked.data?.bookSession, bookedBy: { id: expect.any(String) } });
  });
});
