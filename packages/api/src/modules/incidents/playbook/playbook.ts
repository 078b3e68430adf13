import { whoIsOnCall } from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { User, type Organization } from "../../admin/index.js";
import { loadSchedules } from "../../on-call/index.js";
import type { ServiceContext } from "../../../platform/context.js";
import { Incident } from "../incident.entity.js";
import type { IncidentRole } from "../incident.enums.js";
import { recordTimeline, type TimelineStep } from "./incident-timeline.js";

const ROLE_NAMES: Record<IncidentRole, string> = { COMMANDER: "Incident Commander", LIAISON: "Customer Liaison" };

async function namesOf(tx: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.getRepository(User).findBy({ id: In(wanted) });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Whoever the schedule has on call at `at`; null without a schedule or in a gap of it. */
async function onCall(tx: EntityManager, scheduleId: string | null, at: Date): Promise<string | null> {
  if (!scheduleId) return null;
  const schedule = (await loadSchedules(tx, [scheduleId])).get(scheduleId);
  return schedule ? (whoIsOnCall(schedule, at)?.userId ?? null) : null;
}

/**
 * Tells someone they hold a role on the incident, through their channels, in the caller's transaction;
 * nobody is told of a role they took themselves. Returns the timeline step saying so.
 */
async function notifyRoleAssigned(
  ctx: ServiceContext,
  tx: EntityManager,
  incident: Incident,
  role: IncidentRole,
  userId: string,
  name: string,
): Promise<TimelineStep | null> {
  if (ctx.viewer?.userId === userId) return null;
  const what = ROLE_NAMES[role];
  const bridge = incident.bridgeUrl
    ? ` Conference bridge: ${incident.bridgeUrl}${incident.bridgeDialIn ? ` (dial-in ${incident.bridgeDialIn})` : ""}.`
    : "";
  const publicNote =
    role === "LIAISON" && !incident.publishedAt
      ? " Customers see nothing of it until a PUBLIC status update is posted."
      : "";
  await ctx.notifier.notify(ctx, tx, {
    userIds: [userId],
    kind: "ROLE_ASSIGNED",
    title: `You are the ${what} of incident #${incident.number} "${incident.title}"`,
    body: `${incident.severity}, ${incident.status.toLowerCase()}, reported ${incident.reportedAt.toISOString()}.${bridge}${publicNote}`,
    dedupKey: `role-assigned:${incident.id}:${role}:${ctx.clock.now().toISOString()}`,
    incidentId: incident.id,
  });
  return { kind: "ROLE_NOTIFIED", message: `${what} ${name} notified`, userId, actorId: null };
}

/**
 * The major-incident playbook, in the caller's transaction, on a saved incident: the on-duty liaison, a
 * commander (the reporter when a RESPONDER, else the commander schedule's on-call), the organization's
 * bridge; the people it assigns are told at once. Every step lands on the incident's timeline.
 */
export async function runPlaybook(
  ctx: ServiceContext,
  tx: EntityManager,
  incident: Incident,
  org: Organization,
): Promise<void> {
  const now = ctx.clock.now();
  const steps: TimelineStep[] = [
    { kind: "PLAYBOOK_STARTED", message: `Major-incident playbook started for ${incident.severity}` },
  ];
  const assigned: { role: IncidentRole; userId: string }[] = [];

  if (!incident.liaisonId) {
    const liaison = await ctx.roster.onDutyLiaison(tx, now);
    if (liaison) {
      incident.liaisonId = liaison;
      assigned.push({ role: "LIAISON", userId: liaison });
    } else steps.push({ kind: "ROLE_UNFILLED", message: "No Customer Liaison on duty: assign one by hand" });
  }

  if (!incident.commanderId) {
    const reporter = incident.reportedById
      ? await tx.getRepository(User).findOneBy({ id: incident.reportedById })
      : null;
    const commander = reporter?.role === "RESPONDER" ? reporter.id : await onCall(tx, org.commanderScheduleId, now);
    if (commander) {
      incident.commanderId = commander;
      assigned.push({ role: "COMMANDER", userId: commander });
    } else
      steps.push({
        kind: "ROLE_UNFILLED",
        message: org.commanderScheduleId
          ? "Nobody on call on the commander schedule: assign an Incident Commander by hand"
          : "No commander schedule set: assign an Incident Commander by hand",
      });
  }

  if (!incident.bridgeUrl && org.bridgeUrl) {
    incident.bridgeUrl = org.bridgeUrl;
    incident.bridgeDialIn = org.bridgeDialIn;
    steps.push({ kind: "BRIDGE_ATTACHED", message: `Conference bridge attached: ${org.bridgeUrl}` });
  }

  await tx.getRepository(Incident).save(incident);
  const names = await namesOf(
    tx,
    assigned.map((a) => a.userId),
  );
  for (const { role, userId } of assigned) {
    const name = names.get(userId) ?? "(unknown)";
    const source = role === "LIAISON" ? "on duty" : userId === incident.reportedById ? "the reporter" : "on call";
    steps.push({
      kind: role === "LIAISON" ? "LIAISON_ASSIGNED" : "COMMANDER_ASSIGNED",
      message: `${ROLE_NAMES[role]} ${name} (${source}) assigned by the playbook`,
      userId,
    });
  }
  for (const { role, userId } of assigned) {
    const told = await notifyRoleAssigned(ctx, tx, incident, role, userId, names.get(userId) ?? "(unknown)");
    if (told) steps.push(told);
  }
  await recordTimeline(ctx, tx, incident.id, steps);
}

/** A role given by hand: on the timeline, and the new holder is told (unless they took it themselves). */
export async function recordRoleChange(
  ctx: ServiceContext,
  tx: EntityManager,
  incident: Incident,
  role: IncidentRole,
  user: User,
): Promise<void> {
  const actorId = ctx.viewer?.userId ?? null;
  const actor = actorId ? await tx.getRepository(User).findOneBy({ id: actorId }) : null;
  const told = await notifyRoleAssigned(ctx, tx, incident, role, user.id, user.name);
  await recordTimeline(ctx, tx, incident.id, [
    {
      kind: role === "COMMANDER" ? "COMMANDER_ASSIGNED" : "LIAISON_ASSIGNED",
      message: `${ROLE_NAMES[role]} ${user.name} assigned by ${actor?.name ?? "someone"}`,
      userId: user.id,
      actorId,
    },
    ...(told ? [{ ...told, actorId }] : []),
  ]);
}
