import { randomBytes } from "node:crypto";
import type { TestApi } from "./harness.js";

/** Small factories for CSE booking tests: each call makes fresh, uniquely named data. */

export const ALL_PRODUCTS = [
  "INCIDENT_MANAGEMENT",
  "AIOPS",
  "CUSTOMER_SERVICE_OPS",
  "RUNBOOK_AUTOMATION",
  "RUNBOOK_AUTOMATION_SELF_HOSTED",
  "WORKFLOW_AUTOMATION",
];

const DAY = 86_400_000;

export const BOOKING_FIELDS = `id activity status startsAt endsAt followUpStartsAt followUpEndsAt tier notes
  calendarUrl account { id } cse { id name } sessions { part startsAt endsAt }`;

export interface AccountOptions {
  name?: string;
  tier?: string;
  subscriptionStartDate?: string;
  products?: string[];
  timezone?: string;
}

/** The date `days` from the test clock's today (UTC), as YYYY-MM-DD. */
export function dateFromToday(api: TestApi, days: number): string {
  return new Date(api.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
}

export async function anAccount(api: TestApi, options: AccountOptions = {}): Promise<{ id: string }> {
  const data = await api.must(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
    input: {
      name: options.name ?? `Account ${randomBytes(4).toString("hex")}`,
      tier: options.tier ?? "GOLD_SERVICES",
      // Well inside its first contract year, so the next weeks fall in the same year.
      subscriptionStartDate: options.subscriptionStartDate ?? dateFromToday(api, -100),
      products: options.products ?? ALL_PRODUCTS,
      timezone: options.timezone ?? "UTC",
    },
  });
  return data.createAccount;
}

export async function aUser(
  api: TestApi,
  role: string,
  accountId?: string,
): Promise<{ id: string; token: string; name: string }> {
  const name = `${role.toLowerCase()} ${randomBytes(4).toString("hex")}`;
  const data = await api.must(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id name } token } }`,
    { input: { name, email: `${name.replace(/\W/g, ".")}@example.com`, role, accountId } },
  );
  return { id: data.createUser.user.id, name: data.createUser.user.name, token: data.createUser.token };
}

export const aCse = (api: TestApi) => aUser(api, "CUSTOMER_SUCCESS_ENGINEER");
export const aCustomer = (api: TestApi, accountId: string) => aUser(api, "CUSTOMER", accountId);

/** A CSE who works around the clock, every day: lets tests pick any future time. */
export async function anAlwaysOnCse(api: TestApi): Promise<{ id: string; token: string; name: string }> {
  const cse = await aCse(api);
  await api.must(
    `mutation($userId: ID!, $input: SetWorkingHoursInput!) { setWorkingHours(userId: $userId, input: $input) { userId } }`,
    {
      userId: cse.id,
      input: {
        timezone: "UTC",
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })),
      },
    },
  );
  return cse;
}

/**
 * A weekday at `hh:mm` UTC at least `minDays` days after the test clock's now: 1 = Monday … 7 = Sunday.
 * Inside the default CSE hours (Monday–Friday 09:00–17:00 UTC) for weekdays 1–5 and times 09:00–16:00.
 */
export function next(api: TestApi, weekday: number, hhmm: string, minDays = 1): Date {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const base = new Date(api.clock.now().getTime() + minDays * DAY);
  const day = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), h, m));
  const isoWeekday = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;
  while (isoWeekday(day) !== weekday) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

export function book(api: TestApi, input: Record<string, unknown>, token?: string | null) {
  return api.gql(
    `mutation($input: BookSessionInput!) { bookSession(input: $input) { ${BOOKING_FIELDS} } }`,
    { input: { ...input, startsAt: iso(input["startsAt"]), followUpStartsAt: iso(input["followUpStartsAt"]) } },
    token,
  );
}

export async function entitlementsOf(api: TestApi, accountId: string, at?: Date, token?: string) {
  const data = await api.must(
    `query($accountId: ID!, $at: DateTime) { entitlements(accountId: $accountId, at: $at) {
      tier contractYear { start end }
      activities { activity cap used remaining eligible reason reasonCode sharedWith }
    } }`,
    { accountId, at: at?.toISOString() },
    token,
  );
  return data.entitlements as {
    tier: string;
    contractYear: { start: string; end: string };
    activities: {
      activity: string;
      cap: number | null;
      used: number;
      remaining: number | null;
      eligible: boolean;
      reason: string | null;
      reasonCode: string | null;
      sharedWith: string[];
    }[];
  };
}

export function rowOf(summary: Awaited<ReturnType<typeof entitlementsOf>>, activity: string) {
  const row = summary.activities.find((a) => a.activity === activity);
  if (!row) throw new Error(`no row for ${activity}`);
  return row;
}

/** Rows that a failed mutation must leave as they were. */
export async function bookingTables(api: TestApi) {
  const [row] = await api.sql<{ bookings: number; sessions: number; confirmed: number }>(
    `SELECT (SELECT count(*)::int FROM cse_booking) AS bookings,
            (SELECT count(*)::int FROM cse_booking WHERE status = 'CONFIRMED') AS confirmed,
            (SELECT count(*)::int FROM cse_session) AS sessions`,
  );
  return row!;
}

export const minutes = (n: number) => n * 60_000;
export const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

function iso(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
