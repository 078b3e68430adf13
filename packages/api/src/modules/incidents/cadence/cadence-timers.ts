import { describeDue, formatDuration, type CadenceObligation } from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { Incident } from "../incident.entity.js";
import { User } from "../../admin/index.js";
import { QUEUES } from "../../../platform/timers/queues.js";
import type { Timer } from "../../../platform/timers/timers.js";
import { incidentCompliance } from "./cadence.js";
import type { ServiceContext } from "../../../platform/context.js";
import { getOrganization } from "../../admin/index.js";
import { claimTimer } from "../../../platform/timers/timer-claims.js";
import { inTransaction } from "../../../platform/db/transaction.js";

/** REMINDER before the obligation falls due; OVERDUE pages the commander; MANAGER pages their manager. */
export type CadenceStage = "REMINDER" | "OVERDUE" | "MANAGER";
export type CadenceTimerData = {
  incidentId: string;
  obligation: CadenceObligation;
  dueAt: string;
  stage: CadenceStage;
};

const OBLIGATION_NAMES: Record<CadenceObligation, string> = {
  IMPACT_ASSESSMENT: "impact assessment",
  STATUS_UPDATE: "public status update",
  PRELIMINARY_REPORT: "preliminary report",
  POST_INCIDENT_REPORT: "post-incident report",
};

const keyOf = (d: CadenceTimerData) => `cadence:${d.stage}:${d.incidentId}:${d.obligation}:${d.dueAt}`;

/**
 * Queues the incident's open obligations as durable timers, in the caller's transaction. An
 * obligation met later leaves its timers to find it met and do nothing.
 */
export async function scheduleCadenceTimers(ctx: ServiceContext, tx: EntityManager, incidentId: string): Promise<void> {
  const incident = await tx.getRepository(Incident).findOneByOrFail({ id: incidentId });
  const org = await getOrganization(tx);
  const now = ctx.clock.now();
  const timers: Timer<CadenceTimerData>[] = [];
  for (const instance of await incidentCompliance(tx, incident, now)) {
    if (instance.metAt !== null) continue;
    const due = instance.dueAt.getTime();
    const dueAt = instance.dueAt.toISOString();
    const stages: [CadenceStage, number][] = [
      ["REMINDER", due - org.cadenceReminderLeadMinutes * 60_000],
      ["OVERDUE", due + 1],
      ["MANAGER", due + org.cadenceManagerDelayMinutes * 60_000],
    ];
    for (const [stage, at] of stages) {
      if (stage === "REMINDER" && due <= now.getTime()) continue;
      const data: CadenceTimerData = { incidentId, obligation: instance.obligation, dueAt, stage };
      timers.push({ data, runAt: new Date(Math.max(at, now.getTime())), key: keyOf(data) });
    }
  }
  await ctx.timers.schedule(tx, QUEUES.cadence, timers);
}

async function managerOf(tx: EntityManager, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await tx.getRepository(User).findOneBy({ id: userId }))?.managerId ?? null;
}

/** Reminds or pages if the obligation is still unmet; an obligation met in time makes it do nothing. */
export async function runCadenceTimer(ctx: ServiceContext, data: CadenceTimerData): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const incident = await tx.getRepository(Incident).findOneBy({ id: data.incidentId });
    if (!incident) return;
    const now = ctx.clock.now();
    const instance = (await incidentCompliance(tx, incident, now)).find(
      (i) => i.obligation === data.obligation && i.dueAt.toISOString() === data.dueAt,
    );
    if (!instance || instance.metAt !== null) return;
    const overdue = now.getTime() > instance.dueAt.getTime();
    if (data.stage === "REMINDER" ? overdue : !overdue) return;
    const what = OBLIGATION_NAMES[data.obligation];
    const label = `Incident #${incident.number} "${incident.title}"`;
    let userIds: string[];
    let kind: "CADENCE_REMINDER" | "CADENCE_OVERDUE";
    let title: string;
    if (data.stage === "REMINDER") {
      userIds = [incident.liaisonId, incident.commanderId].filter((id): id is string => id !== null);
      if (userIds.length === 0 && incident.reportedById) userIds = [incident.reportedById];
      kind = "CADENCE_REMINDER";
      title = `${label}: ${what} due in ${formatDuration(instance.dueAt.getTime() - now.getTime())}`;
    } else if (data.stage === "OVERDUE") {
      const owner = incident.commanderId ?? incident.liaisonId ?? incident.reportedById;
      userIds = owner ? [owner] : [];
      kind = "CADENCE_OVERDUE";
      title = `${label}: ${what} is overdue`;
    } else {
      const manager = (await managerOf(tx, incident.commanderId)) ?? (await managerOf(tx, incident.liaisonId));
      userIds = manager ? [manager] : [];
      kind = "CADENCE_OVERDUE";
      title = `${label}: ${what} still overdue (escalated to you)`;
    }
    if (!(await claimTimer(tx, keyOf(data), now, `${data.stage.toLowerCase()}:${userIds.length}`))) return;
    await ctx.notifier.notify(ctx, tx, {
      userIds,
      kind,
      title,
      body: (reader) => `The ${what} ${describeDue(instance.dueAt, now, reader.timezone)}.`,
      dedupKey: keyOf(data),
      incidentId: incident.id,
      dueAt: instance.dueAt,
    });
  });
}
