import {
  DEFAULT_WORKING_HOURS,
  validateWeeklyHours,
  type EngineerCalendar,
  type TimeRange,
  type WeeklyHours,
  type WorkingHours,
} from "@liaison/domain";
import type { DataSource, EntityManager } from "typeorm";
import { CseWorkingHours } from "./cse-booking.entity.js";
import { SetWorkingHoursInput } from "./booking.types.js";
import { User } from "../admin/index.js";
import { ForbiddenError, NotFoundError, ValidationError, parseInput } from "../../platform/errors.js";
import { RefId, isId, requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { inTransaction } from "../../platform/db/transaction.js";

export interface WorkingHoursView extends WorkingHours {
  userId: string;
  /** False while the CSE works the default hours. */
  custom: boolean;
}

/** An ADMIN sets anyone's hours; a CSE their own. Ranges are wall-clock times in `timezone`. */
export async function setWorkingHours(
  ctx: ServiceContext,
  rawUserId: unknown,
  raw: unknown,
): Promise<WorkingHoursView> {
  const viewer = requireRole(ctx, "ADMIN", "CUSTOMER_SUCCESS_ENGINEER");
  const userId = parseInput(RefId, rawUserId, "userId");
  const input = parseInput(SetWorkingHoursInput.schema, raw);
  if (viewer.role !== "ADMIN" && viewer.userId !== userId)
    throw new ForbiddenError("A Customer Success Engineer may set their own working hours only");
  const validation = validateWeeklyHours(input.weekly);
  if (!validation.valid) {
    const fields: Record<string, string> = {};
    for (const p of validation.problems) fields[`input.weekly.${p.index}.${p.field}`] ??= p.message;
    throw new ValidationError(fields);
  }
  return inTransaction(ctx, async (tx) => {
    await assertEngineer(tx, userId);
    await tx
      .getRepository(CseWorkingHours)
      .upsert({ userId, timezone: input.timezone, weekly: [...validation.weekly], updatedAt: ctx.clock.now() }, [
        "userId",
      ]);
    return { userId, timezone: input.timezone, weekly: validation.weekly, custom: true };
  });
}

export async function getWorkingHours(ctx: ServiceContext, rawUserId: unknown): Promise<WorkingHoursView> {
  requireRole(ctx, "ADMIN", "CUSTOMER_SUCCESS_ENGINEER");
  const userId = parseInput(RefId, rawUserId, "userId");
  await assertEngineer(ctx.db.manager, userId);
  return workingHoursOf(ctx.db, userId);
}

async function workingHoursOf(db: DataSource | EntityManager, userId: string): Promise<WorkingHoursView> {
  const row = await db.getRepository(CseWorkingHours).findOneBy({ userId });
  return row
    ? { userId, timezone: row.timezone, weekly: row.weekly as WeeklyHours, custom: true }
    : { userId, ...DEFAULT_WORKING_HOURS, custom: false };
}

async function assertEngineer(db: EntityManager, userId: string): Promise<void> {
  const user = isId(userId) ? await db.getRepository(User).findOneBy({ id: userId }) : null;
  if (!user) throw new NotFoundError("User", userId);
  if (user.role !== "CUSTOMER_SUCCESS_ENGINEER")
    throw new ValidationError({ userId: "is not a Customer Success Engineer" });
}

export async function listEngineers(ctx: ServiceContext): Promise<User[]> {
  requireRole(ctx, "ADMIN", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  return ctx.db.getRepository(User).find({
    where: { role: "CUSTOMER_SUCCESS_ENGINEER" },
    order: { name: "ASC", id: "ASC" },
  });
}

/** How far around the requested calls other sessions are read: enough to see how busy each CSE's day is. */
const LOAD_WINDOW_MS = 12 * 3_600_000;

/** The window of calendar entries read for `sessions`. */
export function calendarWindow(sessions: readonly TimeRange[]): { from: Date; to: Date } {
  return {
    from: new Date(Math.min(...sessions.map((s) => s.start.getTime())) - LOAD_WINDOW_MS),
    to: new Date(Math.max(...sessions.map((s) => s.end.getTime())) + LOAD_WINDOW_MS),
  };
}

/**
 * SQL for a JSON array of every CSE with their hours and their confirmed calls overlapping [from, to),
 * `from` and `to` being parameter references: other queries embed it to save a round trip.
 */
export function engineerCalendarsSql(from: string, to: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
             'id', u.id, 'timezone', h.timezone, 'weekly', h.weekly,
             'busy', (SELECT coalesce(json_agg(json_build_object('start', lower(s.during), 'end', upper(s.during))), '[]')
                        FROM cse_session s
                       WHERE s.cse_id = u.id AND s.booking_status = 'CONFIRMED'
                         AND s.during && tstzrange(${from}::timestamptz, ${to}::timestamptz))
           ) ORDER BY u.created_at, u.id), '[]')
      FROM app_user u
      LEFT JOIN cse_working_hours h ON h.user_id = u.id
     WHERE u.role = 'CUSTOMER_SUCCESS_ENGINEER')`;
}

export type EngineerCalendarRow = {
  id: string;
  timezone: string | null;
  weekly: WeeklyHours | null;
  busy: { start: string; end: string }[];
};

export function toEngineerCalendars(rows: readonly EngineerCalendarRow[]): EngineerCalendar[] {
  return rows.map((row) => ({
    id: row.id,
    hours: row.timezone && row.weekly ? { timezone: row.timezone, weekly: row.weekly } : DEFAULT_WORKING_HOURS,
    busy: row.busy.map((b) => ({ start: new Date(b.start), end: new Date(b.end) })),
  }));
}

/** Every CSE with their hours and their confirmed calls in `window`. */
export async function engineerCalendars(
  db: DataSource | EntityManager,
  window: { from: Date; to: Date },
): Promise<EngineerCalendar[]> {
  const rows: { engineers: EngineerCalendarRow[] }[] = await db.query(
    `SELECT ${engineerCalendarsSql("$1", "$2")} AS engineers`,
    [window.from, window.to],
  );
  return toEngineerCalendars(rows[0]?.engineers ?? []);
}
