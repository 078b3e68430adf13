import type { EntityManager } from "typeorm";
import { Component, ComponentStatusChange } from "./component.entity.js";
import { CreateComponentInput, UpdateComponentInput } from "./component.types.js";
import { ConflictError, NotFoundError, parseInput } from "../../platform/errors.js";
import { RefId, isId, requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { byPosition } from "./component.entity.js";
import { inTransaction } from "../../platform/db/transaction.js";

async function assertNameFree(tx: EntityManager, name: string, exceptId?: string) {
  const rows: { id: string }[] = await tx.query("SELECT id FROM component WHERE lower(name) = lower($1)", [name]);
  if (rows.some((r) => r.id !== exceptId)) throw new ConflictError(`A component named "${name}" already exists`);
}

export async function listComponents(db: EntityManager): Promise<Component[]> {
  const rows = await db.getRepository(Component).find();
  return rows.sort(byPosition);
}

export async function createComponent(ctx: ServiceContext, raw: unknown): Promise<Component> {
  requireRole(ctx, "ADMIN");
  const input = parseInput(CreateComponentInput.schema, raw);
  const saved = await inTransaction(ctx, async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('liaison.component-names'))");
    await assertNameFree(tx, input.name);
    const repo = tx.getRepository(Component);
    const component = await repo.save(
      repo.create({
        name: input.name,
        description: input.description,
        group: input.group,
        position: input.position ?? 0,
        status: "OPERATIONAL",
      }),
    );
    await recordStatusChanges(tx, [{ componentId: component.id, status: "OPERATIONAL" }], ctx.clock.now(), null);
    await ctx.bus.publish(tx, { kind: "status-page" });
    return component;
  });
  ctx.invalidate();
  return saved;
}

export async function updateComponent(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<Component> {
  requireRole(ctx, "ADMIN");
  const id = parseInput(RefId, rawId, "id");
  const input = parseInput(UpdateComponentInput.schema, raw);
  const saved = await inTransaction(ctx, async (tx) => {
    const repo = tx.getRepository(Component);
    const component = isId(id) ? await repo.findOne({ where: { id }, lock: { mode: "pessimistic_write" } }) : null;
    if (!component) throw new NotFoundError("Component", id);
    if (input.name !== undefined && input.name.toLowerCase() !== component.name.toLowerCase()) {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('liaison.component-names'))");
      await assertNameFree(tx, input.name, id);
    }
    if (input.status !== undefined && input.status !== component.status) {
      const [changeId] = await recordStatusChanges(
        tx,
        [{ componentId: id, status: input.status }],
        ctx.clock.now(),
        null,
      );
      await announceStatusChanges(ctx, tx, [
        { componentId: id, previousStatus: component.status, status: input.status, changeId: changeId! },
      ]);
    }
    Object.assign(component, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    const result = await repo.save(component);
    await ctx.bus.publish(tx, { kind: "status-page" });
    return result;
  });
  ctx.invalidate();
  return saved;
}

/** Appends to the status history that uptime is computed from; returns the new rows' ids, in order. */
export async function recordStatusChanges(
  tx: EntityManager,
  changes: readonly { componentId: string; status: Component["status"] }[],
  at: Date,
  incidentId: string | null,
): Promise<string[]> {
  if (changes.length === 0) return [];
  const result = await tx
    .getRepository(ComponentStatusChange)
    .insert(changes.map((c) => ({ componentId: c.componentId, status: c.status, changedAt: at, incidentId })));
  return result.identifiers.map((i) => String(i["id"]));
}

/**
 * Tells status page subscribers of statuses that really changed (one event per change, named after
 * its history row); `updateId` is the PUBLIC incident update that carried them, when one did.
 */
export async function announceStatusChanges(
  ctx: ServiceContext,
  tx: EntityManager,
  changes: readonly { componentId: string; previousStatus: string; status: string; changeId: string }[],
  updateId?: string,
): Promise<void> {
  for (const c of changes)
    if (c.previousStatus !== c.status)
      await ctx.notifier.announce(ctx, tx, {
        kind: "COMPONENT_STATUS",
        eventId: `component-status:${c.changeId}`,
        componentId: c.componentId,
        previousStatus: c.previousStatus,
        status: c.status,
        ...(updateId ? { updateId } : {}),
      });
}
