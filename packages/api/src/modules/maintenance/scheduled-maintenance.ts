import {
  checkMaintenanceTransition,
  statusAfterMaintenance,
  type ComponentStatus,
  type MaintenanceAction,
} from "@liaison/domain";
import DataLoader from "dataloader";
import { In, type DataSource, type EntityManager } from "typeorm";
import { Component } from "../components/index.js";
import { ScheduledMaintenance, ScheduledMaintenanceUpdate } from "./scheduled-maintenance.entity.js";
import {
  CreateScheduledMaintenanceInput,
  ScheduledMaintenanceFilter,
  UpdateScheduledMaintenanceInput,
} from "./scheduled-maintenance.types.js";
import { InvalidTransitionError, NotFoundError, ValidationError, parseInput } from "../../platform/errors.js";
import { Id, LIMITS, OptionalText, requireRole } from "../../platform/validation.js";
import { recordStatusChanges } from "../components/index.js";
import { perRequest, type ServiceContext } from "../../platform/context.js";
import { byPosition } from "../components/index.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { queueMaintenanceDeadlines } from "./maintenance-deadlines.js";

const MAX_WINDOW_MS = 31 * 24 * 3_600_000;

interface Window {
  scheduledFor: Date;
  scheduledUntil: Date;
}

function checkWindow(window: Window, now: Date, isNew: boolean): Record<string, string> | null {
  const { scheduledFor, scheduledUntil } = window;
  if (scheduledUntil.getTime() <= scheduledFor.getTime())
    return { "input.scheduledUntil": "must be after scheduledFor" };
  if (scheduledUntil.getTime() - scheduledFor.getTime() > MAX_WINDOW_MS)
    return { "input.scheduledUntil": "a maintenance window lasts at most 31 days" };
  if (isNew && scheduledUntil.getTime() <= now.getTime())
    return { "input.scheduledUntil": "must be in the future: a window that has ended is not scheduled" };
  return null;
}

const TransitionMessage = OptionalText(LIMITS.message);

export const DEFAULT_MESSAGE: Record<Exclude<MaintenanceAction, "UPDATE">, string> = {
  START: "Scheduled maintenance is in progress. We will provide updates as necessary.",
  COMPLETE: "The scheduled maintenance has been completed.",
  CANCEL: "This scheduled maintenance has been cancelled.",
};

async function lockMaintenance(tx: EntityManager, id: string): Promise<ScheduledMaintenance> {
  const found = await tx
    .getRepository(ScheduledMaintenance)
    .findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!found) throw new NotFoundError("Scheduled maintenance", id);
  return found;
}

async function decide(tx: EntityManager, id: string, action: MaintenanceAction) {
  const maintenance = await lockMaintenance(tx, id);
  const decision = checkMaintenanceTransition(maintenance.status, action);
  if (!decision.allowed) throw new InvalidTransitionError(decision.reason);
  return { maintenance, componentsEditable: decision.componentsEditable };
}

async function assertComponentsExist(tx: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.getRepository(Component).findBy({ id: In([...ids]) });
  const missing = ids.find((id) => !found.some((c) => c.id === id));
  if (missing) throw new NotFoundError("Component", missing);
}

async function addUpdate(
  ctx: ServiceContext,
  tx: EntityManager,
  maintenance: ScheduledMaintenance,
  message: string,
): Promise<void> {
  await tx.getRepository(ScheduledMaintenanceUpdate).insert({
    maintenanceId: maintenance.id,
    status: maintenance.status,
    message,
    authorId: ctx.viewer?.userId ?? null,
    createdAt: ctx.clock.now(),
  });
}

const STAMP = { IN_PROGRESS: "startedAt", COMPLETED: "completedAt", CANCELLED: "cancelledAt" } as const;

/** Moves a window to its next status, stamps when, and records the announcement. */
async function advance(
  ctx: ServiceContext,
  tx: EntityManager,
  maintenance: ScheduledMaintenance,
  status: keyof typeof STAMP,
  message: string,
): Promise<ScheduledMaintenance> {
  const now = ctx.clock.now();
  maintenance.status = status;
  maintenance[STAMP[status]] = now;
  maintenance.updatedAt = now;
  const saved = await tx.getRepository(ScheduledMaintenance).save(maintenance);
  await addUpdate(ctx, tx, saved, message);
  return saved;
}

async function finish<T>(ctx: ServiceContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const result = await inTransaction(ctx, async (tx) => {
    const value = await work(tx);
    await ctx.bus.publish(tx, { kind: "status-page" });
    return value;
  });
  ctx.invalidate();
  return result;
}

export async function createScheduledMaintenance(ctx: ServiceContext, raw: unknown): Promise<ScheduledMaintenance> {
  requireRole(ctx, "ADMIN", "RESPONDER");
  const input = parseInput(CreateScheduledMaintenanceInput.schema, raw);
  const problem = checkWindow(input, ctx.clock.now(), true);
  if (problem) throw new ValidationError(problem);
  return finish(ctx, async (tx) => {
    await assertComponentsExist(tx, input.componentIds);
    const repo = tx.getRepository(ScheduledMaintenance);
    const saved = await repo.save(
      repo.create({
        title: input.title,
        description: input.description,
        status: "SCHEDULED",
        scheduledFor: input.scheduledFor,
        scheduledUntil: input.scheduledUntil,
        startedAt: null,
        completedAt: null,
        cancelledAt: null,
        autoStart: input.autoStart,
        autoComplete: input.autoComplete,
        remindBeforeMinutes: input.remindBeforeMinutes,
        createdById: ctx.viewer?.userId ?? null,
      }),
    );
    await linkComponents(tx, saved.id, input.componentIds);
    await addUpdate(ctx, tx, saved, input.description ?? `${input.title} is scheduled.`);
    await queueMaintenanceDeadlines(ctx, tx, saved, { created: true });
    await announceStep(ctx, tx, saved.id, "CREATED");
    return saved;
  });
}

async function linkComponents(tx: EntityManager, maintenanceId: string, componentIds: readonly string[]) {
  await tx.query("DELETE FROM scheduled_maintenance_component WHERE maintenance_id = $1", [maintenanceId]);
  if (componentIds.length)
    await tx.query(
      `INSERT INTO scheduled_maintenance_component (maintenance_id, component_id) SELECT $1, unnest($2::uuid[])`,
      [maintenanceId, componentIds],
    );
}

export async function updateScheduledMaintenance(
  ctx: ServiceContext,
  rawId: unknown,
  raw: unknown,
): Promise<ScheduledMaintenance> {
  requireRole(ctx, "ADMIN", "RESPONDER");
  const id = parseInput(Id, rawId, "id");
  const input = parseInput(UpdateScheduledMaintenanceInput.schema, raw);
  return finish(ctx, async (tx) => {
    const { maintenance, componentsEditable } = await decide(tx, id, "UPDATE");
    if (input.componentIds !== undefined && !componentsEditable)
      throw new InvalidTransitionError("the components of a maintenance in progress cannot be changed");
    const window = {
      scheduledFor: input.scheduledFor ?? maintenance.scheduledFor,
      scheduledUntil: input.scheduledUntil ?? maintenance.scheduledUntil,
    };
    const problem = checkWindow(window, ctx.clock.now(), false);
    if (problem) throw new ValidationError(problem);
    if (input.componentIds !== undefined) {
      await assertComponentsExist(tx, input.componentIds);
      await linkComponents(tx, id, input.componentIds);
    }
    if (input.title !== undefined) maintenance.title = input.title;
    if (input.description !== undefined) maintenance.description = input.description;
    maintenance.autoStart = input.autoStart ?? maintenance.autoStart;
    maintenance.autoComplete = input.autoComplete ?? maintenance.autoComplete;
    maintenance.remindBeforeMinutes = input.remindBeforeMinutes ?? maintenance.remindBeforeMinutes;
    Object.assign(maintenance, window);
    maintenance.updatedAt = ctx.clock.now();
    const saved = await tx.getRepository(ScheduledMaintenance).save(maintenance);
    if (input.message) await addUpdate(ctx, tx, saved, input.message);
    // Deadlines of the old times and settings find them changed and do nothing.
    await queueMaintenanceDeadlines(ctx, tx, saved, { created: false });
    return saved;
  });
}

async function lockLinkedComponents(tx: EntityManager, maintenanceId: string) {
  // Component rows are locked in id order, as incidents do, so the two never deadlock.
  const rows: { id: string; status: ComponentStatus; status_before: ComponentStatus | null }[] = await tx.query(
    `SELECT c.id, c.status, smc.status_before
       FROM scheduled_maintenance_component smc JOIN component c ON c.id = smc.component_id
      WHERE smc.maintenance_id = $1 ORDER BY c.id FOR UPDATE OF c`,
    [maintenanceId],
  );
  return rows;
}

async function setStatuses(
  tx: EntityManager,
  changes: { componentId: string; status: ComponentStatus }[],
  at: Date,
): Promise<void> {
  for (const change of changes)
    await tx.getRepository(Component).update(change.componentId, { status: change.status, updatedAt: at });
  await recordStatusChanges(tx, changes, at, null);
}

export async function startScheduledMaintenance(
  ctx: ServiceContext,
  rawId: unknown,
  rawMessage?: unknown,
): Promise<ScheduledMaintenance> {
  requireRole(ctx, "ADMIN", "RESPONDER");
  const id = parseInput(Id, rawId, "id");
  const message = parseInput(TransitionMessage, rawMessage, "message");
  return finish(ctx, async (tx) => {
    const { maintenance } = await decide(tx, id, "START");
    return beginMaintenance(ctx, tx, maintenance, message ?? DEFAULT_MESSAGE.START);
  });
}

/**
 * Starts a window the caller has locked and found SCHEDULED (by hand or at its time): its components
 * show UNDER_MAINTENANCE, remembering what they showed before, and subscribers hear of it.
 */
export async function beginMaintenance(
  ctx: ServiceContext,
  tx: EntityManager,
  maintenance: ScheduledMaintenance,
  message: string,
): Promise<ScheduledMaintenance> {
  const now = ctx.clock.now();
  const id = maintenance.id;
  const linked = await lockLinkedComponents(tx, id);
  await tx.query(
    `UPDATE scheduled_maintenance_component smc SET status_before = c.status
       FROM component c WHERE c.id = smc.component_id AND smc.maintenance_id = $1`,
    [id],
  );
  await setStatuses(
    tx,
    linked
      .filter((c) => c.status !== "UNDER_MAINTENANCE")
      .map((c) => ({ componentId: c.id, status: "UNDER_MAINTENANCE" })),
    now,
  );
  const started = await advance(ctx, tx, maintenance, "IN_PROGRESS", message);
  await announceStep(ctx, tx, id, "STARTED");
  return started;
}

export async function completeScheduledMaintenance(
  ctx: ServiceContext,
  rawId: unknown,
  rawMessage?: unknown,
): Promise<ScheduledMaintenance> {
  requireRole(ctx, "ADMIN", "RESPONDER");
  const id = parseInput(Id, rawId, "id");
  const message = parseInput(TransitionMessage, rawMessage, "message");
  return finish(ctx, async (tx) => {
    const { maintenance } = await decide(tx, id, "COMPLETE");
    return endMaintenance(ctx, tx, maintenance, message ?? DEFAULT_MESSAGE.COMPLETE);
  });
}

/**
 * Completes a window the caller has locked and found IN_PROGRESS (by hand or at its time): its
 * components return to what they showed before, unless something else still holds them.
 */
export async function endMaintenance(
  ctx: ServiceContext,
  tx: EntityManager,
  maintenance: ScheduledMaintenance,
  message: string,
): Promise<ScheduledMaintenance> {
  const now = ctx.clock.now();
  const id = maintenance.id;
  const linked = await lockLinkedComponents(tx, id);
  const ids = linked.map((c) => c.id);
  const heldByMaintenance: { component_id: string }[] = ids.length
    ? await tx.query(
        `SELECT DISTINCT smc.component_id FROM scheduled_maintenance_component smc
           JOIN scheduled_maintenance m ON m.id = smc.maintenance_id
          WHERE smc.component_id = ANY($1::uuid[]) AND m.id <> $2 AND m.status = 'IN_PROGRESS'`,
        [ids, id],
      )
    : [];
  const heldByIncident: { component_id: string }[] = ids.length
    ? await tx.query(
        `SELECT DISTINCT ic.component_id FROM incident_component ic JOIN incident i ON i.id = ic.incident_id
          WHERE ic.component_id = ANY($1::uuid[]) AND i.resolved_at IS NULL`,
        [ids],
      )
    : [];
  const changes: { componentId: string; status: ComponentStatus }[] = [];
  for (const c of linked) {
    const next = statusAfterMaintenance({
      current: c.status,
      before: c.status_before ?? "OPERATIONAL",
      otherMaintenanceInProgress: heldByMaintenance.some((r) => r.component_id === c.id),
      openIncident: heldByIncident.some((r) => r.component_id === c.id),
    });
    if (next !== null && next !== c.status) changes.push({ componentId: c.id, status: next });
  }
  await setStatuses(tx, changes, now);
  const completed = await advance(ctx, tx, maintenance, "COMPLETED", message);
  await announceStep(ctx, tx, id, "COMPLETED");
  return completed;
}

export async function cancelScheduledMaintenance(
  ctx: ServiceContext,
  rawId: unknown,
  rawMessage?: unknown,
): Promise<ScheduledMaintenance> {
  requireRole(ctx, "ADMIN", "RESPONDER");
  const id = parseInput(Id, rawId, "id");
  const message = parseInput(TransitionMessage, rawMessage, "message");
  return finish(ctx, async (tx) => {
    const { maintenance } = await decide(tx, id, "CANCEL");
    const cancelled = await advance(ctx, tx, maintenance, "CANCELLED", message ?? DEFAULT_MESSAGE.CANCEL);
    // Subscribers were told of the window when it was created (and perhaps reminded): they hear it is off.
    await announceStep(ctx, tx, id, "CANCELLED");
    return cancelled;
  });
}

export async function getScheduledMaintenance(
  ctx: ServiceContext,
  rawId: unknown,
): Promise<ScheduledMaintenance | null> {
  const parsed = Id.safeParse(rawId);
  if (!parsed.success) return null;
  return ctx.db.getRepository(ScheduledMaintenance).findOneBy({ id: parsed.data });
}

/** Latest window first; the cursor is (scheduledFor, id). */
export async function listScheduledMaintenances(
  ctx: ServiceContext,
  rawFilter: unknown,
  first: unknown,
  after: unknown,
): Promise<Page<ScheduledMaintenance>> {
  const filter = parseInput(ScheduledMaintenanceFilter.schema, rawFilter, "filter") ?? {};
  const page = parsePage(first, after);
  const q = ctx.db.getRepository(ScheduledMaintenance).createQueryBuilder("m");
  if (filter.status?.length) q.andWhere("m.status IN (:...status)", { status: filter.status });
  if (filter.componentId)
    q.andWhere(
      "EXISTS (SELECT 1 FROM scheduled_maintenance_component smc WHERE smc.maintenance_id = m.id AND smc.component_id = :cid)",
      { cid: filter.componentId },
    );
  if (filter.scheduledAfter) q.andWhere("m.scheduled_for >= :sa", { sa: filter.scheduledAfter });
  if (filter.scheduledBefore) q.andWhere("m.scheduled_for < :sb", { sb: filter.scheduledBefore });
  if (page.after) {
    const [at, id] = decodeCursor(page.after, 2);
    q.andWhere("(m.scheduled_for, m.id) < (:at, :id)", { at: new Date(String(at)), id: String(id) });
  }
  const rows = await q
    .orderBy("m.scheduled_for", "DESC")
    .addOrderBy("m.id", "DESC")
    .take(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (m) => encodeCursor([m.scheduledFor.toISOString(), m.id]));
}

/** Upcoming and in-progress windows, soonest first: what the status page announces. */
export async function openMaintenances(db: DataSource | EntityManager): Promise<ScheduledMaintenance[]> {
  return db.getRepository(ScheduledMaintenance).find({
    where: { status: In(["SCHEDULED", "IN_PROGRESS"]) },
    order: { scheduledFor: "ASC", id: "ASC" },
    take: 100,
  });
}

function maintenanceLoaders(db: DataSource) {
  return {
    components: new DataLoader<string, Component[]>(
      async (ids) => {
        const links: { maintenance_id: string; component_id: string }[] = await db.query(
          "SELECT maintenance_id, component_id FROM scheduled_maintenance_component WHERE maintenance_id = ANY($1::uuid[])",
          [ids],
        );
        const components = links.length
          ? await db.getRepository(Component).findBy({ id: In([...new Set(links.map((l) => l.component_id))]) })
          : [];
        const byId = new Map(components.map((c) => [c.id, c]));
        return ids.map((id) =>
          links
            .filter((l) => l.maintenance_id === id)
            .map((l) => byId.get(l.component_id))
            .filter((c): c is Component => c !== undefined)
            .sort(byPosition),
        );
      },
      { cache: false },
    ),
    updates: new DataLoader<string, ScheduledMaintenanceUpdate[]>(
      async (ids) => {
        const rows = await db
          .getRepository(ScheduledMaintenanceUpdate)
          .find({ where: { maintenanceId: In([...ids]) }, order: { createdAt: "DESC" } });
        return ids.map((id) => rows.filter((r) => r.maintenanceId === id));
      },
      { cache: false },
    ),
  };
}

// One batch per request.
const loadersOf = perRequest(Symbol("maintenance loaders"), (ctx) => maintenanceLoaders(ctx.db));

export function componentsOfMaintenance(ctx: ServiceContext, m: ScheduledMaintenance): Promise<Component[]> {
  return m.components ? Promise.resolve(m.components) : loadersOf(ctx).components.load(m.id);
}

/** Newest first. */
export function updatesOfMaintenance(
  ctx: ServiceContext,
  m: ScheduledMaintenance,
): Promise<ScheduledMaintenanceUpdate[]> {
  return m.updates ? Promise.resolve(m.updates) : loadersOf(ctx).updates.load(m.id);
}

/** Fills components and updates of the given windows with two queries. */
export async function preloadMaintenances(db: DataSource, list: ScheduledMaintenance[]): Promise<void> {
  const loaders = maintenanceLoaders(db);
  await Promise.all(
    list.map(async (m) => {
      const [components, updates] = await Promise.all([loaders.components.load(m.id), loaders.updates.load(m.id)]);
      m.components = components;
      m.updates = updates;
    }),
  );
}

/** Tells status page subscribers of a step of the window: once per window and step (the event id says which). */
async function announceStep(
  ctx: ServiceContext,
  tx: EntityManager,
  maintenanceId: string,
  step: "CREATED" | "STARTED" | "COMPLETED" | "CANCELLED",
): Promise<void> {
  await ctx.notifier.announce(ctx, tx, {
    kind: `MAINTENANCE_${step}`,
    eventId: `maintenance:${maintenanceId}:${step.toLowerCase()}`,
    maintenanceId,
  });
}
