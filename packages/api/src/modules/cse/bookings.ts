import { z } from "zod";
import {
  checkCancellation,
  engineersAvailable,
  planBookingSessions,
  type CseActivity,
  type PlannedSession,
} from "@liaison/domain";
import type { DataSource, EntityManager } from "typeorm";
import { CseBooking } from "./cse-booking.entity.js";
import { BookSessionInput } from "./booking.types.js";
import {
  AppError,
  ConflictError,
  type ErrorCode,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  parseInput,
} from "../../platform/errors.js";
import { assertActsFor } from "../accounts/index.js";
import { RefId, isId, requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { decideAt, ledgerOf, ledgerStatement, ledgerWindow, loadLedgerPrepared, type Ledger } from "./cse-ledger.js";
import { calendarWindow } from "./working-hours.js";
import { inTransaction } from "../../platform/db/transaction.js";

/** The booking's columns under its entity's property names, for rows read with raw SQL. */
const BOOKING_COLUMNS = `id, account_id AS "accountId", activity, status, cse_id AS "cseId", starts_at AS "startsAt",
  ends_at AS "endsAt", follow_up_starts_at AS "followUpStartsAt", follow_up_ends_at AS "followUpEndsAt", tier, notes,
  idempotency_key AS "idempotencyKey", booked_by_id AS "bookedById", created_at AS "createdAt",
  cancelled_at AS "cancelledAt", cancelled_by_id AS "cancelledById"`;

/** Who may book and cancel: a customer for their own account, CSEs and admins for any. */
export const BOOKERS = ["ADMIN", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER"] as const;

/** A booking request as `bookSession` parsed it. */
type BookingRequest = z.infer<typeof BookSessionInput.schema>;

/** Serializes one process's bookings per account, so a hot account queues in memory rather than on the pool. */
class KeyedQueue {
  private tails = new Map<string, Promise<void>>();

  /** Runs `work` after the earlier work on `key`; `waited` tells whether there was any. */
  async run<T>(key: string, work: (waited: boolean) => Promise<T>): Promise<T> {
    const earlier = this.tails.get(key);
    const previous = earlier ?? Promise.resolve();
    let release!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.tails.set(key, tail);
    await previous;
    try {
      return await work(earlier !== undefined);
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
const queues = new WeakMap<DataSource, KeyedQueue>();
function queueOf(db: DataSource): KeyedQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new KeyedQueue()));
  return queue;
}

/** How often a booking is retried when a CSE was taken by a concurrent booking between our check and insert. */
const CALENDAR_RACE_RETRIES = 10;

/**
 * Books a CSE session under the account's entitlement. The cap is exact under concurrency: every booking
 * of an account holds the account's row lock while it counts the contract year's confirmed bookings and
 * inserts its own, in every API process alike. Refusals are first decided without the lock (a committed
 * snapshot that already refuses stays a valid answer), so a flood past the cap is turned away cheaply.
 */
export async function bookSession(ctx: ServiceContext, raw: unknown): Promise<CseBooking> {
  const viewer = requireRole(ctx, ...BOOKERS);
  const input = parseInput(BookSessionInput.schema, raw);
  assertActsFor(viewer, input.accountId);
  if (!isId(input.accountId)) throw new NotFoundError("Account", input.accountId);
  const window = ledgerWindow(input.startsAt);
  const ledgerOptions = { idempotencyKey: input.idempotencyKey };

  const snapshot = await loadLedgerPrepared(ctx.db, input.accountId, window, ledgerOptions);
  if (!snapshot) throw new NotFoundError("Account", input.accountId);
  if (snapshot.replayId) return replay(ctx.db, snapshot.replayId, input);
  const sessions = planSessions(input, ctx.clock.now());
  assertAllowed(snapshot, input.activity, sessions);

  return queueOf(ctx.db).run(input.accountId, async (waited) => {
    if (waited) {
      // What was booked while we queued may turn this down: then it is turned down without a transaction.
      const fresh = await loadLedgerPrepared(ctx.db, input.accountId, window, ledgerOptions);
      if (!fresh) throw new NotFoundError("Account", input.accountId);
      if (fresh.replayId) return replay(ctx.db, fresh.replayId, input);
      assertAllowed(fresh, input.activity, sessions);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await bookLocked(ctx, viewer.userId, input, sessions);
      } catch (error) {
        // Another account's booking took our CSE after we looked: look again, and pick someone else.
        if (attempt < CALENDAR_RACE_RETRIES && isCalendarRace(error)) continue;
        if (isCalendarRace(error)) throw noEngineerFree();
        throw error;
      }
    }
  });
}

/**
 * The booking's transaction: the account's lock, then the ledger read after it (under READ COMMITTED the
 * read's snapshot is taken once the lock is granted, so it sees every booking committed by those who held it
 * before; reading in the locking statement itself would use the snapshot from before the wait, and miss
 * them), then the insert. An ordinary transaction on the main pool: a two-round-trip version on a pipelined
 * connection was faster but once hung under a 30-account race in CI, so it is out until that is understood.
 */
async function bookLocked(
  ctx: ServiceContext,
  userId: string,
  input: BookingRequest,
  sessions: PlannedSession[],
): Promise<CseBooking> {
  // The CSEs' calendars come in the same statement: read after the lock, like the ledger.
  const read = ledgerStatement(input.accountId, ledgerWindow(input.startsAt), {
    idempotencyKey: input.idempotencyKey,
    calendars: calendarWindow(sessions),
  });
  return inTransaction(ctx, async (tx) => {
    const locked: unknown[] = await tx.query("SELECT 1 FROM account WHERE id = $1 FOR NO KEY UPDATE", [
      input.accountId,
    ]);
    const ledger = locked.length ? ledgerOf(await tx.query(read.text, read.values)) : null;
    if (!ledger) throw new NotFoundError("Account", input.accountId);
    if (ledger.replayId) return replay(tx, ledger.replayId, input);
    const booking = bookingFor(ctx, userId, input, sessions, ledger);
    const rows: CseBooking[] = await tx.query(booking.text, booking.values);
    return Object.assign(new CseBooking(), rows[0]);
  });
}

/** The statement that inserts the booking and its calls, with a CSE free for them picked from the ledger. */
function bookingFor(
  ctx: ServiceContext,
  userId: string,
  input: BookingRequest,
  sessions: PlannedSession[],
  ledger: Ledger,
): { name: string; text: string; values: unknown[] } {
  const { tier } = assertAllowed(ledger, input.activity, sessions);

  const { working, leastBusy } = engineersAvailable(ledger.engineers, sessions);
  if (working.length === 0)
    throw new ValidationError({
      "input.startsAt": "is outside every Customer Success Engineer's working hours; see availableSlots",
    });
  // At random among the least busy: concurrent bookings of other accounts then seldom reach for the same CSE.
  const cseId = leastBusy[Math.floor(ctx.random() * leastBusy.length)];
  if (!cseId) throw noEngineerFree();

  const [first, followUp] = sessions as [PlannedSession, PlannedSession | undefined];
  // The booking and its calls in one statement; the exclusion constraint on cse_session has the last word.
  // No event is published: nothing listens for bookings yet, and NOTIFY would serialize every commit.
  return {
    name: "cse-book",
    text: `WITH b AS (
       INSERT INTO cse_booking (account_id, activity, cse_id, starts_at, ends_at, follow_up_starts_at,
                                follow_up_ends_at, tier, notes, idempotency_key, booked_by_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       RETURNING *
     ), s AS (
       INSERT INTO cse_session (booking_id, part, cse_id, booking_status, during)
       SELECT b.id, x.part, b.cse_id, b.status, tstzrange(x.starts_at, x.ends_at)
         FROM b, unnest($13::text[], $14::timestamptz[], $15::timestamptz[]) AS x(part, starts_at, ends_at)
     )
     SELECT ${BOOKING_COLUMNS} FROM b`,
    values: [
      input.accountId,
      input.activity,
      cseId,
      first.start,
      first.end,
      followUp?.start ?? null,
      followUp?.end ?? null,
      tier,
      input.notes,
      input.idempotencyKey,
      userId,
      ctx.clock.now(),
      sessions.map((s) => s.part),
      sessions.map((s) => s.start),
      sessions.map((s) => s.end),
    ],
  };
}

function planSessions(input: BookingRequest, now: Date): PlannedSession[] {
  const plan = planBookingSessions({
    activity: input.activity,
    startsAt: input.startsAt,
    followUpStartsAt: input.followUpStartsAt ?? null,
    now,
  });
  if (plan.ok) return plan.sessions;
  const fields: Record<string, string> = {};
  for (const problem of plan.problems) fields[`input.${problem.field}`] ??= problem.message;
  throw new ValidationError(fields);
}

/** The tier's entitlement, product requirements and yearly cap, judged when the session takes place. */
function assertAllowed(ledger: Ledger, activity: CseActivity, sessions: PlannedSession[]) {
  const at = sessions[0]!.start;
  const judged = decideAt(ledger, activity, at);
  if (!judged.ok)
    throw new ValidationError({
      "input.startsAt": `is before the subscription starts on ${ledger.account.subscriptionStartDate}`,
    });
  const { decision } = judged;
  if (!decision.allowed) {
    const details =
      decision.reason === "ENTITLEMENT_EXHAUSTED"
        ? { cap: decision.cap, used: decision.used, contractYear: judged.year }
        : decision.reason === "PRODUCT_REQUIREMENT_UNMET"
          ? { missing: decision.missing }
          : {};
    throw refusal(decision.reason, decision.message, details);
  }
  return judged;
}

/** The same request again returns the same booking; the same key for another booking is a conflict. */
async function replay(db: DataSource | EntityManager, id: string, input: BookingRequest): Promise<CseBooking> {
  const booking = await db.getRepository(CseBooking).findOneByOrFail({ id });
  const same =
    booking.activity === input.activity &&
    booking.startsAt.getTime() === input.startsAt.getTime() &&
    (booking.followUpStartsAt?.getTime() ?? null) === (input.followUpStartsAt?.getTime() ?? null);
  if (!same)
    throw new ConflictError(
      "This idempotencyKey was already used for a different booking of this account; use a new key for a new booking",
    );
  return booking;
}

/**
 * A refusal the policy foresees, not a fault: it carries no stack trace, which would be costly to capture
 * and format for every one of a flood of attempts past a cap.
 */
function refusal(code: ErrorCode, message: string, details: Record<string, unknown>): AppError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new AppError(code, message, details);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function noEngineerFree(): ConflictError {
  return new ConflictError(
    "Every Customer Success Engineer working at that time is already booked; choose another time from availableSlots",
  );
}

/** An exclusion violation (a CSE taken meanwhile) or a deadlock between two such inserts. */
function isCalendarRace(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === "23P01" || code === "40P01";
}

/** Frees the booking's place under the cap and its CSE's time. Only before the first call begins. */
export async function cancelBooking(ctx: ServiceContext, rawId: unknown): Promise<CseBooking> {
  const viewer = requireRole(ctx, ...BOOKERS);
  const id = parseInput(RefId, rawId, "bookingId");
  if (!isId(id)) throw new NotFoundError("Booking", id);
  return inTransaction(ctx, async (tx) => {
    const found = await tx.getRepository(CseBooking).findOneBy({ id });
    // Another customer's booking is as good as absent.
    if (!found || (viewer.role === "CUSTOMER" && viewer.accountId !== found.accountId))
      throw new NotFoundError("Booking", id);
    // The account lock first, as bookings take it: cancelling and booking queue in one line.
    await tx.query("SELECT 1 FROM account WHERE id = $1 FOR NO KEY UPDATE", [found.accountId]);
    const booking = await tx
      .getRepository(CseBooking)
      .findOneOrFail({ where: { id }, lock: { mode: "pessimistic_write" } });
    const check = checkCancellation(booking, ctx.clock.now());
    if (!check.allowed) throw new InvalidTransitionError(check.message);
    booking.status = "CANCELLED";
    booking.cancelledAt = ctx.clock.now();
    booking.cancelledById = viewer.userId;
    // The session rows follow the status through their foreign key (ON UPDATE CASCADE).
    return tx.getRepository(CseBooking).save(booking);
  });
}
