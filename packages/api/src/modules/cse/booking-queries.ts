import { z } from "zod";
import { CSE_ACTIVITIES, CSE_ACTIVITY_DETAILS, openSlots } from "@liaison/domain";
import { CseBooking } from "./cse-booking.entity.js";
import { AppError, NotFoundError, ValidationError, parseInput } from "../../platform/errors.js";
import { BOOKING_STATUSES, SESSION_PARTS } from "./cse.enums.js";
import { ACCOUNT_READERS, assertActsFor } from "../accounts/index.js";
import { RefId, isId, requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { decideAt, ledgerWindow, loadLedger } from "./cse-ledger.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";
import { engineerCalendars } from "./working-hours.js";

export const BookingFilter = z
  .object({
    accountId: RefId.nullish(),
    cseId: RefId.nullish(),
    status: z.enum(BOOKING_STATUSES).nullish(),
    activity: z.enum(CSE_ACTIVITIES).nullish(),
    startsAfter: z.date().nullish(),
    startsBefore: z.date().nullish(),
  })
  .nullish();

/**
 * Bookings by their first call, soonest first. A customer sees their own account's only (naming another
 * account is FORBIDDEN); staff see all, e.g. one CSE's calendar with `cseId`.
 */
export async function listBookings(
  ctx: ServiceContext,
  rawFilter: unknown,
  first: unknown,
  after: unknown,
): Promise<Page<CseBooking>> {
  const viewer = requireRole(ctx, ...ACCOUNT_READERS);
  const filter = parseInput(BookingFilter, rawFilter, "") ?? {};
  const page = parsePage(first, after);
  if (filter.accountId) assertActsFor(viewer, filter.accountId);
  const accountId = viewer.role === "CUSTOMER" ? viewer.accountId : filter.accountId;
  // An id that names nothing matches nothing.
  if ((accountId && !isId(accountId)) || (filter.cseId && !isId(filter.cseId))) return toPage([], page.first, () => "");
  const q = ctx.db.getRepository(CseBooking).createQueryBuilder("b");
  if (accountId) q.andWhere("b.account_id = :accountId", { accountId });
  if (filter.cseId) q.andWhere("b.cse_id = :cseId", { cseId: filter.cseId });
  if (filter.status) q.andWhere("b.status = :status", { status: filter.status });
  if (filter.activity) q.andWhere("b.activity = :activity", { activity: filter.activity });
  if (filter.startsAfter) q.andWhere("b.starts_at >= :sa", { sa: filter.startsAfter });
  if (filter.startsBefore) q.andWhere("b.starts_at < :sb", { sb: filter.startsBefore });
  if (page.after) {
    const [at, id] = decodeCursor(page.after, 2);
    q.andWhere("(b.starts_at, b.id) > (:at, :id)", { at: new Date(String(at)), id: String(id) });
  }
  const rows = await q
    .orderBy("b.starts_at", "ASC")
    .addOrderBy("b.id", "ASC")
    .take(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (b) => encodeCursor([b.startsAt.toISOString(), b.id]));
}

/** A booking the viewer may see, or null (another customer's booking is as good as absent). */
export async function findBooking(ctx: ServiceContext, rawId: unknown): Promise<CseBooking | null> {
  const viewer = requireRole(ctx, ...ACCOUNT_READERS);
  if (!isId(rawId)) return null;
  const booking = await ctx.db.getRepository(CseBooking).findOneBy({ id: rawId });
  if (!booking || (viewer.role === "CUSTOMER" && viewer.accountId !== booking.accountId)) return null;
  return booking;
}

export async function getBooking(ctx: ServiceContext, rawId: unknown): Promise<CseBooking> {
  const booking = await findBooking(ctx, rawId);
  if (!booking) throw new NotFoundError("Booking", String(rawId));
  return booking;
}

const MAX_SLOT_WINDOW_DAYS = 31;

export const AvailableSlotsArgs = z
  .object({
    accountId: RefId,
    activity: z.enum(CSE_ACTIVITIES),
    from: z.date(),
    to: z.date(),
    part: z.enum(SESSION_PARTS).nullish(),
  })
  .refine((a) => a.to.getTime() > a.from.getTime(), { message: "must be later than from", path: ["to"] })
  .refine((a) => a.to.getTime() - a.from.getTime() <= MAX_SLOT_WINDOW_DAYS * 86_400_000, {
    message: `must be at most ${MAX_SLOT_WINDOW_DAYS} days after from`,
    path: ["to"],
  });

export interface AvailableSlotView {
  startsAt: Date;
  endsAt: Date;
  freeEngineers: number;
}

/**
 * Times in [from, to) at which the account could book `activity`: a CSE works and is free for the whole
 * call, and the account is entitled then with a place left in that contract year. For an Incident Lifecycle
 * Assessment these are discovery times; `part: FOLLOW_UP` lists 30-minute follow-up times.
 * When the entitlement rules out every time, the refusal is returned as the error, to say why.
 */
export async function availableSlots(ctx: ServiceContext, raw: unknown): Promise<AvailableSlotView[]> {
  const viewer = requireRole(ctx, ...ACCOUNT_READERS);
  const args = parseInput(AvailableSlotsArgs, raw, "");
  assertActsFor(viewer, args.accountId);
  const parts = CSE_ACTIVITY_DETAILS[args.activity].timeCommitment.sessions;
  const part = parts.find((p) => p.part === (args.part ?? parts[0]!.part));
  if (!part) throw new ValidationError({ part: `${args.activity} has no ${args.part} call` });
  const ledger = isId(args.accountId)
    ? await loadLedger(ctx.db, args.accountId, ledgerWindow(args.from, args.to))
    : null;
  if (!ledger) throw new NotFoundError("Account", args.accountId);
  const calendars = await engineerCalendars(ctx.db, { from: args.from, to: args.to });
  const slots = openSlots({
    engineers: calendars,
    from: args.from,
    to: args.to,
    durationMinutes: part.durationMinutes,
    after: ctx.clock.now(),
  });
  if (part.part === "FOLLOW_UP") return slots.map(toView);
  const refusals: AppError[] = [];
  const bookable = slots.filter((slot) => {
    const judged = decideAt(ledger, args.activity, slot.start);
    if (judged.ok && judged.decision.allowed) return true;
    if (judged.ok && !judged.decision.allowed)
      refusals.push(new AppError(judged.decision.reason, judged.decision.message));
    return false;
  });
  if (bookable.length === 0 && refusals[0]) throw refusals[0];
  return bookable.map(toView);
}

function toView(slot: { start: Date; end: Date; engineers: number }): AvailableSlotView {
  return { startsAt: slot.start, endsAt: slot.end, freeEngineers: slot.engineers };
}
