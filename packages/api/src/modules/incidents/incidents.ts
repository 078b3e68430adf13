import { z } from "zod";
import {
  checkCanPublishReport,
  checkStatusTransition,
  playbookApplies,
  type ComponentStatus,
  type Impact,
  type Severity,
} from "@liaison/domain";
import { In, type EntityManager } from "typeorm";
import { Component } from "../components/index.js";
import { Incident } from "./incident.entity.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import {
  AssessImpactInput,
  PostStatusUpdateInput,
  PublishIncidentReportInput,
  ReportIncidentInput,
  UpdateIncidentInput,
} from "./incident.types.js";
import { User } from "../admin/index.js";
import {
  ConflictError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  parseInput,
} from "../../platform/errors.js";
import { INCIDENT_ROLES } from "./incident.enums.js";
import { STAFF_ROLES } from "../../platform/access/roles.js";
import { RefId, isId } from "../../platform/validation.js";
import { announceStatusChanges, recordStatusChanges } from "../components/index.js";
import type { ServiceContext } from "../../platform/context.js";
import { getOrganization } from "../admin/index.js";
import { scheduleCadenceTimers } from "./cadence/cadence-timers.js";
import { notifyRequesters } from "./incident-notifications.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { reportInputWithTemplate, reportSummary, updateWords } from "./templates/template-words.js";
import { recordRoleChange, runPlaybook } from "./playbook/playbook.js";
import { recordTimeline } from "./playbook/incident-timeline.js";

/** Until someone assesses the impact, staff see it presumed from the severity (customers never do). */
const PROVISIONAL_IMPACT: Record<Severity, Impact> = {
  SEV1: "CRITICAL",
  SEV2: "MAJOR",
  SEV3: "MINOR",
  SEV4: "NONE",
};

export async function lockIncident(tx: EntityManager, id: string): Promise<Incident> {
  if (!isId(id)) throw new NotFoundError("Incident", id);
  const incident = await tx.getRepository(Incident).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!incident) throw new NotFoundError("Incident", id);
  return incident;
}

async function componentsOrFail(tx: EntityManager, ids: readonly string[], lock: boolean): Promise<Component[]> {
  if (ids.length === 0) return [];
  const malformed = ids.find((id) => !isId(id));
  if (malformed) throw new NotFoundError("Component", malformed);
  const sorted = [...new Set(ids)].sort();
  // Locks in id order so that concurrent incidents touching the same components never deadlock.
  const found = await tx.getRepository(Component).find({
    where: { id: In(sorted) },
    order: { id: "ASC" },
    ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  const missing = sorted.find((id) => !found.some((c) => c.id === id));
  if (missing) throw new NotFoundError("Component", missing);
  return found;
}

/** A status a component really changed to, for subscribers (`announceStatusChanges`). */
type StatusChange = { componentId: string; previousStatus: string; status: string; changeId: string };

async function applyComponentStatuses(
  tx: EntityManager,
  incident: Incident,
  statuses: readonly { componentId: string; status: ComponentStatus }[],
  at: Date,
): Promise<StatusChange[]> {
  if (statuses.length === 0) return [];
  const components = await componentsOrFail(
    tx,
    statuses.map((s) => s.componentId),
    true,
  );
  // A component named in an update is affected by the incident from then on.
  await tx.query(
    `INSERT INTO incident_component (incident_id, component_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [incident.id, components.map((c) => c.id)],
  );
  const changed = statuses.filter((s) => components.find((c) => c.id === s.componentId)!.status !== s.status);
  const previous = new Map(components.map((c) => [c.id, c.status]));
  for (const change of changed)
    await tx.getRepository(Component).update(change.componentId, { status: change.status, updatedAt: at });
  const ids = await recordStatusChanges(tx, changed, at, incident.id);
  return changed.map((c, i) => ({
    componentId: c.componentId,
    previousStatus: previous.get(c.componentId)!,
    status: c.status,
    changeId: ids[i]!,
  }));
}

/** On resolution, affected components return to OPERATIONAL unless another open incident still holds them. */
async function restoreComponents(
  tx: EntityManager,
  incident: Incident,
): Promise<{ componentId: string; status: ComponentStatus }[]> {
  const rows: { component_id: string }[] = await tx.query(
    `SELECT ic.component_id
       FROM incident_component ic JOIN component c ON c.id = ic.component_id
      WHERE ic.incident_id = $1 AND c.status NOT IN ('OPERATIONAL', 'UNDER_MAINTENANCE')
        AND NOT EXISTS (SELECT 1 FROM incident_component o JOIN incident i ON i.id = o.incident_id
                         WHERE o.component_id = ic.component_id AND i.id <> $1 AND i.resolved_at IS NULL)`,
    [incident.id],
  );
  return rows.map((r) => ({ componentId: r.component_id, status: "OPERATIONAL" as const }));
}

async function nextSequence(tx: EntityManager, incident: Incident): Promise<number> {
  incident.updateCount += 1;
  await tx.getRepository(Incident).update(incident.id, { updateCount: incident.updateCount });
  return incident.updateCount;
}

export async function finish<T>(ctx: ServiceContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const result = await inTransaction(ctx, work);
  ctx.invalidate();
  return result;
}

export async function reportIncident(ctx: ServiceContext, raw: unknown): Promise<Incident> {
  const input = parseInput(ReportIncidentInput.schema(ctx.clock.now()), await reportInputWithTemplate(ctx, raw));
  return finish(ctx, (tx) => reportIncidentIn(ctx, tx, input));
}

/** Reports an incident inside the caller's transaction (the Events API reports them from alerts). */
export async function reportIncidentIn(
  ctx: ServiceContext,
  tx: EntityManager,
  input: Omit<z.infer<ReturnType<typeof ReportIncidentInput.schema>>, "publicTitle"> & { publicTitle?: string | null },
): Promise<Incident> {
  const now = ctx.clock.now();
  const components = await componentsOrFail(tx, input.componentIds, false);
  const repo = tx.getRepository(Incident);
  const incident = repo.create({
    title: input.title,
    publicTitle: input.publicTitle ?? null,
    publishedAt: null,
    description: input.description,
    source: input.source,
    severity: input.severity,
    impact: PROVISIONAL_IMPACT[input.severity],
    status: "INVESTIGATING",
    reportedAt: input.reportedAt ?? now,
    reportedById: ctx.viewer?.userId ?? null,
    commanderId: null,
    liaisonId: null,
    bridgeUrl: null,
    bridgeDialIn: null,
    updateCount: 0,
  });
  const { id } = await repo.save(incident);
  // Linked, not set: the components' statuses change only when someone sets them.
  if (components.length)
    await tx.query("INSERT INTO incident_component (incident_id, component_id) SELECT $1, unnest($2::uuid[])", [
      id,
      components.map((c) => c.id),
    ]);
  const org = await getOrganization(tx);
  if (playbookApplies(org.playbookSeverities, null, input.severity))
    await runPlaybook(ctx, tx, await repo.findOneByOrFail({ id }), org);
  await scheduleCadenceTimers(ctx, tx, id);
  // Nothing public changed: the incident is public only once a PUBLIC update is posted.
  await ctx.bus.publish(tx, { kind: "incident", incidentId: id, visibility: "INTERNAL" });
  return repo.findOneByOrFail({ id });
}

/** Whether customers can see the incident, hence whether a change to it is news to them. */
const visibilityOf = (incident: Incident) => (incident.publishedAt ? "PUBLIC" : "INTERNAL");

export async function updateIncident(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<Incident> {
  const id = parseInput(RefId, rawId, "incidentId");
  const input = parseInput(UpdateIncidentInput.schema, raw);
  return finish(ctx, async (tx) => {
    const incident = await lockIncident(tx, id);
    if (incident.status === "RESOLVED")
      throw new InvalidTransitionError("The incident is resolved; only reports may be published");
    const org = await getOrganization(tx);
    const raised =
      input.severity !== undefined && playbookApplies(org.playbookSeverities, incident.severity, input.severity);
    if (input.title !== undefined) incident.title = input.title;
    if (input.publicTitle !== undefined) incident.publicTitle = input.publicTitle;
    if (input.description !== undefined) incident.description = input.description;
    if (input.severity !== undefined) {
      if (!incident.impactAssessedAt) incident.impact = PROVISIONAL_IMPACT[input.severity];
      incident.severity = input.severity;
    }
    // TypeORM leaves updated_at alone on save: readers (status page, feeds, live pages) rely on it moving.
    incident.updatedAt = ctx.clock.now();
    const saved = await tx.getRepository(Incident).save(incident);
    if (raised) await runPlaybook(ctx, tx, saved, org);
    await ctx.bus.publish(tx, { kind: "incident", incidentId: id, visibility: visibilityOf(saved) });
    if (saved.publishedAt) await ctx.bus.publish(tx, { kind: "status-page" });
    return saved;
  });
}

export async function assessImpact(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<Incident> {
  const id = parseInput(RefId, rawId, "incidentId");
  const input = parseInput(AssessImpactInput.schema, raw);
  return finish(ctx, async (tx) => {
    const incident = await lockIncident(tx, id);
    const now = ctx.clock.now();
    if (incident.status === "RESOLVED")
      throw new InvalidTransitionError("The incident is resolved; its impact can no longer be assessed");
    const changes = await applyComponentStatuses(tx, incident, input.componentStatuses, now);
    await announceStatusChanges(ctx, tx, changes);
    incident.impact = input.impact;
    incident.impactAssessedAt ??= now;
    if (input.customersAffected !== undefined && input.customersAffected !== null)
      incident.customersAffected = input.customersAffected;
    const sequence = await nextSequence(tx, incident);
    await tx.getRepository(IncidentUpdate).insert({
      incidentId: id,
      sequence,
      status: incident.status,
      message: `Impact assessed as ${input.impact}: ${input.summary}`,
      visibility: "INTERNAL",
      componentStatuses: input.componentStatuses,
      authorId: ctx.viewer?.userId ?? null,
      createdAt: now,
    });
    incident.updatedAt = now;
    const saved = await tx.getRepository(Incident).save(incident);
    await scheduleCadenceTimers(ctx, tx, id);
    await ctx.bus.publish(tx, {
      kind: "incident",
      incidentId: id,
      visibility: visibilityOf(saved),
      asOfSequence: sequence,
    });
    if (saved.publishedAt || input.componentStatuses.length > 0) await ctx.bus.publish(tx, { kind: "status-page" });
    return saved;
  });
}

export async function postStatusUpdate(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<IncidentUpdate> {
  const id = parseInput(RefId, rawId, "incidentId");
  const input = parseInput(PostStatusUpdateInput.schema, raw);
  return finish(ctx, async (tx) => {
    // The row lock serializes updates of one incident: sequence = order of acceptance,
    // and the time is read once the lock is held so that times never contradict it.
    const incident = await lockIncident(tx, id);
    const now = ctx.clock.now();
    const move = checkStatusTransition(incident.status, input.status);
    if (!move.allowed) throw new InvalidTransitionError(move.reason);
    let statuses = input.componentStatuses ?? [];
    if (input.status === "RESOLVED" && !input.componentStatuses) statuses = await restoreComponents(tx, incident);
    const changes = await applyComponentStatuses(tx, incident, statuses, now);
    const { message, visibility } = await updateWords(tx, incident, input, now);
    const sequence = await nextSequence(tx, incident);
    const update = tx.getRepository(IncidentUpdate).create({
      incidentId: id,
      sequence,
      status: input.status,
      message,
      visibility,
      componentStatuses: statuses,
      authorId: ctx.viewer?.userId ?? null,
      createdAt: now,
    });
    const saved = await tx.getRepository(IncidentUpdate).save(update);
    incident.status = input.status;
    const publishes = visibility === "PUBLIC" && !incident.publishedAt;
    if (publishes) incident.publishedAt = now;
    if (visibility === "PUBLIC") incident.lastPublicUpdateAt = now;
    if (input.status === "RESOLVED") incident.resolvedAt = now;
    incident.updatedAt = now;
    await tx.getRepository(Incident).save(incident);
    await scheduleCadenceTimers(ctx, tx, id);
    if (publishes)
      await recordTimeline(ctx, tx, id, [
        { kind: "PUBLISHED", message: "Made public by its first PUBLIC update", actorId: ctx.viewer?.userId ?? null },
      ]);
    if (visibility === "PUBLIC") await notifyRequesters(ctx, tx, incident, saved);
    // Subscribers: the update that made the incident public is one event; each later PUBLIC update another.
    if (visibility === "PUBLIC")
      await ctx.notifier.announce(ctx, tx, {
        kind: publishes ? "INCIDENT_PUBLISHED" : "INCIDENT_UPDATE",
        eventId: `incident-update:${saved.id}`,
        incidentId: id,
        updateId: saved.id,
      });
    await announceStatusChanges(ctx, tx, changes, visibility === "PUBLIC" ? saved.id : undefined);
    await ctx.bus.publish(tx, { kind: "incident", incidentId: id, visibility, asOfSequence: sequence });
    if (visibility === "PUBLIC" || statuses.length > 0 || (input.status === "RESOLVED" && incident.publishedAt))
      await ctx.bus.publish(tx, { kind: "status-page" });
    return saved;
  });
}

export async function assignIncidentRole(
  ctx: ServiceContext,
  rawId: unknown,
  rawRole: unknown,
  rawUserId: unknown,
): Promise<Incident> {
  const { incidentId, role, userId } = parseInput(
    z.object({ incidentId: RefId, role: z.enum(INCIDENT_ROLES), userId: RefId }),
    { incidentId: rawId, role: rawRole, userId: rawUserId },
    "",
  );
  return finish(ctx, async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const user = isId(userId) ? await tx.getRepository(User).findOneBy({ id: userId }) : null;
    if (!user) throw new NotFoundError("User", userId);
    if (!STAFF_ROLES.includes(user.role)) throw new ValidationError({ userId: "only staff can hold an incident role" });
    const holder = role === "COMMANDER" ? incident.commanderId : incident.liaisonId;
    if (role === "COMMANDER") incident.commanderId = userId;
    else incident.liaisonId = userId;
    const saved = await tx.getRepository(Incident).save(incident);
    if (holder !== userId) await recordRoleChange(ctx, tx, saved, role, user);
    await ctx.bus.publish(tx, { kind: "incident", incidentId, visibility: "INTERNAL" });
    return saved;
  });
}

export async function publishIncidentReport(
  ctx: ServiceContext,
  rawId: unknown,
  raw: unknown,
): Promise<IncidentReport> {
  const id = parseInput(RefId, rawId, "incidentId");
  const input = parseInput(PublishIncidentReportInput.schema, raw);
  return finish(ctx, async (tx) => {
    const incident = await lockIncident(tx, id);
    const now = ctx.clock.now();
    const published = await tx.getRepository(IncidentReport).find({ where: { incidentId: id } });
    const decision = checkCanPublishReport(input.kind, {
      resolvedAt: incident.resolvedAt,
      publishedKinds: published.map((r) => r.kind),
    });
    if (!decision.allowed) {
      if (decision.code === "INCIDENT_NOT_RESOLVED") throw new InvalidTransitionError(decision.reason);
      throw new ConflictError(decision.reason);
    }
    const summary = await reportSummary(tx, incident, input, now);
    const report = await tx.getRepository(IncidentReport).save(
      tx.getRepository(IncidentReport).create({
        incidentId: id,
        kind: input.kind,
        summary,
        rootCause: input.rootCause,
        actionItems: input.actionItems,
        authorId: ctx.viewer?.userId ?? null,
        publishedAt: now,
      }),
    );
    await tx.getRepository(Incident).update(id, { updatedAt: now });
    await scheduleCadenceTimers(ctx, tx, id);
    await ctx.bus.publish(tx, { kind: "incident", incidentId: id, visibility: visibilityOf(incident) });
    if (incident.publishedAt) await ctx.bus.publish(tx, { kind: "status-page" });
    return report;
  });
}
