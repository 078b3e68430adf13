import {
  contractYearAt,
  decideBooking,
  tierAt,
  type BookingDecision,
  type ContractYear,
  type CseActivity,
  type EngineerCalendar,
  type Product,
  type ServiceTier,
  type TierChange,
  type UsedThisYear,
} from "@liaison/domain";
import type { DataSource, EntityManager } from "typeorm";
import { pipelinedQuery } from "../../platform/db/pipelined.js";
import { engineerCalendarsSql, toEngineerCalendars, type EngineerCalendarRow } from "./working-hours.js";

const DAY_MS = 86_400_000;
/** A contract year is at most 366 days and an hour long: this margin around an instant holds its whole year. */
const YEAR_MARGIN_MS = 368 * DAY_MS;

export interface LedgerAccount {
  id: string;
  name: string;
  tier: ServiceTier;
  subscriptionStartDate: string;
  products: Product[];
  timezone: string;
}

/** What an account has used: its tier history and the confirmed bookings in a window, read in one query. */
export interface Ledger {
  account: LedgerAccount;
  history: TierChange[];
  bookings: { activity: CseActivity; startsAt: Date }[];
  /** The booking already made under the request's idempotency key, if any. */
  replayId: string | null;
  /** Every CSE's calendar around the requested calls, when asked for (read in the same statement). */
  engineers: EngineerCalendar[];
}

interface LedgerRow extends LedgerAccount {
  history: { tier: ServiceTier; effectiveFrom: string }[];
  bookings: { activity: CseActivity; startsAt: string }[];
  replayId: string | null;
  engineers: EngineerCalendarRow[] | null;
}

export interface LedgerOptions {
  idempotencyKey?: string | null;
  /** Also every CSE's calendar in this window. */
  calendars?: { from: Date; to: Date };
}

/**
 * The one statement that reads a ledger (no lock): for `loadLedger`, or to send on a pipelined connection
 * as a prepared statement (`name`: its text depends on whether calendars are read, and on nothing else).
 */
export function ledgerStatement(
  accountId: string,
  window: { from: Date; to: Date },
  options: LedgerOptions = {},
): { name: string; text: string; values: unknown[] } {
  return {
    name: options.calendars ? "cse-ledger-with-calendars" : "cse-ledger",
    text: `SELECT a.id, a.name, a.tier, to_char(a.subscription_start_date, 'YYYY-MM-DD') AS "subscriptionStartDate",
            a.products, a.timezone,
            (SELECT coalesce(json_agg(json_build_object('tier', t.tier, 'effectiveFrom', t.effective_from)
                                      ORDER BY t.effective_from, t.id), '[]')
               FROM account_tier_change t WHERE t.account_id = a.id) AS history,
            (SELECT coalesce(json_agg(json_build_object('activity', b.activity, 'startsAt', b.starts_at)), '[]')
               FROM cse_booking b
              WHERE b.account_id = a.id AND b.status = 'CONFIRMED' AND b.starts_at >= $2 AND b.starts_at < $3
            ) AS bookings,
            (SELECT b.id FROM cse_booking b WHERE b.account_id = a.id AND b.idempotency_key = $4) AS "replayId",
            ${options.calendars ? engineerCalendarsSql("$5", "$6") : "NULL"} AS engineers
       FROM account a
      WHERE a.id = $1`,
    values: [
      accountId,
      window.from,
      window.to,
      options.idempotencyKey ?? null,
      ...(options.calendars ? [options.calendars.from, options.calendars.to] : []),
    ],
  };
}

/** The ledger in a row that `ledgerStatement` read; null when there was none (no such account). */
export function ledgerOf(rows: readonly unknown[]): Ledger | null {
  const row = rows[0] as LedgerRow | undefined;
  if (!row) return null;
  const { history, bookings, replayId, engineers, ...account } = row;
  return {
    account,
    history: history.map((h) => ({ tier: h.tier, effectiveFrom: new Date(h.effectiveFrom) })),
    bookings: bookings.map((b) => ({ activity: b.activity, startsAt: new Date(b.startsAt) })),
    replayId,
    engineers: toEngineerCalendars(engineers ?? []),
  };
}

/**
 * Loads the ledger of `accountId` for decisions about instants in [from, to), from one committed snapshot
 * and without a lock. (Bookings read it again after taking the account's lock: see `bookings.ts`.)
 */
export async function loadLedger(
  db: DataSource | EntityManager,
  accountId: string,
  window: { from: Date; to: Date },
  options: LedgerOptions = {},
): Promise<Ledger | null> {
  const { text, values } = ledgerStatement(accountId, window, options);
  return ledgerOf(await db.query(text, values));
}

/** `loadLedger` as a prepared statement on a pipelined connection: what a booking reads before its lock. */
export async function loadLedgerPrepared(
  db: DataSource,
  accountId: string,
  window: { from: Date; to: Date },
  options: LedgerOptions = {},
): Promise<Ledger | null> {
  return ledgerOf((await pipelinedQuery(db, ledgerStatement(accountId, window, options))).rows);
}

/** The window of bookings that can count in the contract year of any instant in [from, to]. */
export function ledgerWindow(from: Date, to: Date = from): { from: Date; to: Date } {
  return { from: new Date(from.getTime() - YEAR_MARGIN_MS), to: new Date(to.getTime() + YEAR_MARGIN_MS) };
}

/** The contract year holding `at`, or null before the subscription starts. */
export function contractYearOf(account: LedgerAccount, at: Date): ContractYear | null {
  const year = contractYearAt(account.subscriptionStartDate, account.timezone, at);
  return year.ok ? { start: year.start, end: year.end, index: year.index } : null;
}

/** The first contract year: what an account whose subscription has not started yet will get. */
export function firstContractYear(account: LedgerAccount): ContractYear {
  // The earliest instant there is: always before the subscription, which the answer then names.
  const year = contractYearAt(account.subscriptionStartDate, account.timezone, new Date(-8.64e15));
  if (year.ok) throw new Error("a subscription that started before time began");
  const first = contractYearAt(account.subscriptionStartDate, account.timezone, year.subscriptionStart);
  if (!first.ok) throw new Error("the subscription start lies outside its own first year");
  return { start: first.start, end: first.end, index: first.index };
}

/** The tier in force at `at`; before the first recorded change, the tier the account started with. */
export function tierOf(ledger: Ledger, at: Date): ServiceTier {
  return tierAt(ledger.history, at) ?? ledger.history[0]?.tier ?? ledger.account.tier;
}

/** Confirmed bookings per activity whose first call falls in `year`. */
export function usedIn(ledger: Ledger, year: ContractYear): UsedThisYear {
  const used: Partial<Record<CseActivity, number>> = {};
  for (const booking of ledger.bookings) {
    const t = booking.startsAt.getTime();
    if (t >= year.start.getTime() && t < year.end.getTime()) used[booking.activity] = (used[booking.activity] ?? 0) + 1;
  }
  return used;
}

export type DecisionAt =
  | { ok: false; reason: "BEFORE_SUBSCRIPTION" }
  | { ok: true; year: ContractYear; tier: ServiceTier; decision: BookingDecision };

/** May `activity` take place at `at`? Judged by the tier in force then, against its contract year's use. */
export function decideAt(ledger: Ledger, activity: CseActivity, at: Date): DecisionAt {
  const year = contractYearOf(ledger.account, at);
  if (!year) return { ok: false, reason: "BEFORE_SUBSCRIPTION" };
  const tier = tierOf(ledger, at);
  return {
    ok: true,
    year,
    tier,
    decision: decideBooking({ tier, activity, products: ledger.account.products, usedThisYear: usedIn(ledger, year) }),
  };
}
