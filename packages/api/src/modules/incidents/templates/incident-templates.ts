import { In, type EntityManager } from "typeorm";
import { Component } from "../../components/index.js";
import { ConflictError, NotFoundError, parseInput } from "../../../platform/errors.js";
import { STAFF } from "../../../platform/access/roles.js";
import { RefId, isId, requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { IncidentTemplate } from "./incident-template.entity.js";
import { CreateIncidentTemplateInput, UpdateIncidentTemplateInput } from "./incident-template.types.js";
import { templateOrFail } from "./template-words.js";

/** Templates are few by nature; the list is returned whole. */
const MAX_TEMPLATES = 200;

const MANAGERS = ["ADMIN", "RESPONDER"] as const;

async function componentsExist(tx: EntityManager, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const malformed = unique.find((id) => !isId(id));
  if (malformed) throw new NotFoundError("Component", malformed);
  const found = unique.length ? await tx.getRepository(Component).findBy({ id: In(unique) }) : [];
  const missing = unique.find((id) => !found.some((c) => c.id === id));
  if (missing) throw new NotFoundError("Component", missing);
}

async function nameIsFree(tx: EntityManager, name: string, exceptId: string | null): Promise<void> {
  // Serializes template writes so that two requests cannot both find a name free.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('liaison.incident-template-names'))");
  const taken: unknown[] = await tx.query(
    "SELECT 1 FROM incident_template WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2::uuid",
    [name, exceptId],
  );
  if (taken.length) throw new ConflictError(`An incident template named "${name}" already exists`);
}

export async function listIncidentTemplates(ctx: ServiceContext): Promise<IncidentTemplate[]> {
  requireRole(ctx, ...STAFF);
  return ctx.db.getRepository(IncidentTemplate).find({ order: { name: "ASC", id: "ASC" } });
}

export async function createIncidentTemplate(ctx: ServiceContext, raw: unknown): Promise<IncidentTemplate> {
  requireRole(ctx, ...MANAGERS);
  const input = parseInput(CreateIncidentTemplateInput.schema, raw);
  return ctx.db.transaction(async (tx) => {
    await nameIsFree(tx, input.name, null);
    const count = await tx.getRepository(IncidentTemplate).count();
    if (count >= MAX_TEMPLATES)
      throw new ConflictError(`There are already ${MAX_TEMPLATES} incident templates; delete one first`);
    await componentsExist(tx, input.componentIds);
    const now = ctx.clock.now();
    const repo = tx.getRepository(IncidentTemplate);
    return repo.save(
      repo.create({
        name: input.name,
        title: input.title,
        message: input.message,
        severity: input.severity ?? null,
        componentIds: [...new Set(input.componentIds)],
        visibility: input.visibility ?? null,
        createdAt: now,
        updatedAt: now,
      }),
    );
  });
}

export async function updateIncidentTemplate(
  ctx: ServiceContext,
  rawId: unknown,
  raw: unknown,
): Promise<IncidentTemplate> {
  requireRole(ctx, ...MANAGERS);
  const id = parseInput(RefId, rawId, "id");
  const input = parseInput(UpdateIncidentTemplateInput.schema, raw);
  return ctx.db.transaction(async (tx) => {
    const template = await templateOrFail(tx, id);
    if (input.name !== undefined) await nameIsFree(tx, input.name, id);
    if (input.componentIds !== undefined) await componentsExist(tx, input.componentIds);
    if (input.name !== undefined) template.name = input.name;
    if (input.title !== undefined) template.title = input.title;
    if (input.message !== undefined) template.message = input.message;
    if (input.severity !== undefined) template.severity = input.severity;
    if (input.componentIds !== undefined) template.componentIds = [...new Set(input.componentIds)];
    if (input.visibility !== undefined) template.visibility = input.visibility;
    template.updatedAt = ctx.clock.now();
    return tx.getRepository(IncidentTemplate).save(template);
  });
}

export async function deleteIncidentTemplate(ctx: ServiceContext, rawId: unknown): Promise<boolean> {
  requireRole(ctx, ...MANAGERS);
  const id = parseInput(RefId, rawId, "id");
  return ctx.db.transaction(async (tx) => {
    await templateOrFail(tx, id);
    await tx.getRepository(IncidentTemplate).delete({ id });
    return true;
  });
}
