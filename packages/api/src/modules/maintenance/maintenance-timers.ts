import type { ServiceContext } from "../../platform/context.js";
import { claimTimer } from "../../platform/timers/timer-claims.js";
import { ScheduledMaintenance } from "./scheduled-maintenance.entity.js";
import { dueAtOf, reminderEventId, type MaintenanceTimerData } from "./maintenance-deadlines.js";
import { beginMaintenance, DEFAULT_MESSAGE, endMaintenance } from "./scheduled-maintenance.js";
import { inTransaction } from "../../platform/db/transaction.js";

/**
 * Does one deadline of a window, under the window's row lock: only if the window still has this
 * deadline (not moved, not switched off) and is where the step expects it. A window started, completed
 * or cancelled by hand, a job run twice or by a second process, all find nothing to do.
 */
export async function runMaintenanceTimer(ctx: ServiceContext, data: MaintenanceTimerData): Promise<void> {
  let changed = false;
  await inTransaction(ctx, async (tx) => {
    const maintenance = await tx
      .getRepository(ScheduledMaintenance)
      .findOne({ where: { id: data.maintenanceId }, lock: { mode: "pessimistic_write" } });
    if (!maintenance || dueAtOf(maintenance, data.step)?.toISOString() !== data.dueAt) return;
    const now = ctx.clock.now();
    if (data.step === "REMIND") {
      if (maintenance.status !== "SCHEDULED" || now.getTime() >= maintenance.scheduledFor.getTime()) return;
      const eventId = reminderEventId(maintenance);
      if (!(await claimTimer(tx, eventId, now, "reminded"))) return;
      await ctx.notifier.announce(ctx, tx, { kind: "MAINTENANCE_REMINDER", eventId, maintenanceId: maintenance.id });
    } else if (data.step === "START") {
      if (maintenance.status !== "SCHEDULED") return;
      await beginMaintenance(ctx, tx, maintenance, DEFAULT_MESSAGE.START);
      changed = true;
    } else {
      if (maintenance.status !== "IN_PROGRESS") return;
      await endMaintenance(ctx, tx, maintenance, DEFAULT_MESSAGE.COMPLETE);
      changed = true;
    }
    if (changed) await ctx.bus.publish(tx, { kind: "status-page" });
    ctx.log.info({ maintenanceId: maintenance.id, step: data.step }, "maintenance deadline kept");
  });
  if (changed) ctx.invalidate();
}
