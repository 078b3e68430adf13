import type { EntityManager } from "typeorm";
import type { ServiceContext } from "../../platform/context.js";
import { QUEUES } from "../../platform/timers/queues.js";
import type { Timer } from "../../platform/timers/timers.js";
import type { ScheduledMaintenance } from "./scheduled-maintenance.entity.js";

const MINUTE = 60_000;

/** REMIND subscribers ahead of the start, START and COMPLETE the window by itself. */
export type MaintenanceStep = "REMIND" | "START" | "COMPLETE";

/**
 * A deadline of one window as it was when queued: the job does its work only if the window still
 * has this deadline (moving the window or changing its settings leaves old jobs to do nothing).
 */
export interface MaintenanceTimerData {
  maintenanceId: string;
  step: MaintenanceStep;
  /** When the step is due, by the window's settings at the time it was queued. */
  dueAt: string;
}

/** When the window's step falls due by its current settings; null when it has none. */
export function dueAtOf(m: ScheduledMaintenance, step: MaintenanceStep): Date | null {
  if (step === "REMIND")
    return m.remindBeforeMinutes > 0 ? new Date(m.scheduledFor.getTime() - m.remindBeforeMinutes * MINUTE) : null;
  if (step === "START") return m.autoStart ? m.scheduledFor : null;
  return m.autoComplete ? m.scheduledUntil : null;
}

/** The reminder of one start time goes out once, whatever jobs ask for it. */
export const reminderEventId = (m: ScheduledMaintenance) =>
  `maintenance:${m.id}:reminder:${m.scheduledFor.toISOString()}`;

const keyOf = (d: MaintenanceTimerData) => `maintenance:${d.step}:${d.maintenanceId}:${d.dueAt}`;

/**
 * Queues the window's deadlines in the caller's transaction. The same deadline queued again is queued
 * once (its key names it); a step already done finds the window past it and does nothing. A reminder
 * whose time has passed goes out at once if the window has not started yet, except on creation (the
 * announcement of the new window says as much).
 */
export async function queueMaintenanceDeadlines(
  ctx: ServiceContext,
  tx: EntityManager,
  m: ScheduledMaintenance,
  options: { created: boolean },
): Promise<void> {
  const now = ctx.clock.now().getTime();
  const timers: Timer<MaintenanceTimerData>[] = [];
  const steps: MaintenanceStep[] =
    m.status === "SCHEDULED" ? ["REMIND", "START", "COMPLETE"] : m.status === "IN_PROGRESS" ? ["COMPLETE"] : [];
  for (const step of steps) {
    const due = dueAtOf(m, step);
    if (!due) continue;
    if (step === "REMIND" && (m.scheduledFor.getTime() <= now || (options.created && due.getTime() <= now))) continue;
    const data: MaintenanceTimerData = { maintenanceId: m.id, step, dueAt: due.toISOString() };
    timers.push({ data, runAt: new Date(Math.max(due.getTime(), now)), key: keyOf(data) });
  }
  await ctx.timers.schedule(tx, QUEUES.maintenance, timers);
}
