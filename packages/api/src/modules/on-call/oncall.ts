import { z } from "zod";
import {
  validateEscalationPolicy,
  validateSchedule,
  whoIsOnCall,
  type EscalationPolicy as DomainPolicy,
  type EscalationTarget,
  type OnCallSource,
  type Schedule,
  type ScheduleResolver,
} from "@liaison/domain";
import { In, type EntityManager } from "typeorm";
import {
  EscalationPolicy,
  OncallSchedule,
  ScheduleLayer,
  ScheduleOverride,
  type StoredLevel,
  type StoredTarget,
} from "./oncall.entity.js";
import { AddScheduleOverrideInput, CreateEscalationPolicyInput, CreateScheduleInput } from "./oncall.types.js";
import { User } from "../admin/index.js";
import { staffOrFail } from "../admin/index.js";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "../../platform/errors.js";
import { STAFF_ROLES } from "../../platform/access/roles.js";
import { Id, requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { inTransaction } from "../../platform/db/transaction.js";

/** The schedule as the domain's on-call rules read it. */
export async function loadSchedules(db: EntityManager, ids: readonly string[]): Promise<Map<string, Schedule>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // One after the other: inside a transaction they share one connection.
  const schedules = await db.getRepository(OncallSchedule).findBy({ id: In(unique) });
  const layers = await db
    .getRepository(ScheduleLayer)
    .find({ where: { scheduleId: In(unique) }, order: { position: "ASC" } });
  const overrides = await db
    .getRepository(ScheduleOverride)
    .find({ where: { scheduleId: In(unique) }, order: { createdAt: "ASC" } });
  return new Map(
    schedules.map((s) => [
      s.id,
      {
        timezone: s.timezone,
        layers: layers
          .filter((l) => l.scheduleId === s.id)
          .map((l) => ({
            name: l.name,
            start: l.start,
            ...(l.end ? { end: l.end } : {}),
            rotationTurnLengthSeconds: l.rotationTurnLengthSeconds,
            users: l.userIds,
            restrictions: l.restrictions,
          })),
        overrides: overrides
          .filter((o) => o.scheduleId === s.id)
          .map((o) => ({ userId: o.userId, start: o.start, end: o.end })),
      },
    ]),
  );
}

export function resolverOf(schedules: ReadonlyMap<string, Schedule>): ScheduleResolver {
  return (scheduleId, at) => {
    const schedule = schedules.get(scheduleId);
    return schedule ? (whoIsOnCall(schedule, at)?.userId ?? null) : null;
  };
}

export function scheduleIdsOf(policy: { levels: readonly { targets: readonly StoredTarget[] }[] }): string[] {
  return policy.levels.flatMap((l) => l.targets.flatMap((t) => (t.kind === "schedule" ? [t.scheduleId] : [])));
}

export async function createSchedule(ctx: ServiceContext, raw: unknown): Promise<OncallSchedule> {
  requireRole(ctx, "ADMIN");
  const input = parseInput(CreateScheduleInput.schema, raw);
  const schedule: Schedule = {
    timezone: input.timezone,
    layers: input.layers.map((l) => ({
      name: l.name,
      start: l.start,
      ...(l.end ? { end: l.end } : {}),
      rotationTurnLengthSeconds: l.rotationTurnLengthSeconds,
      users: l.userIds,
      restrictions: l.restrictions.map((r) => ({
        ...(r.weekday !== null && r.weekday !== undefined ? { weekday: r.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7 } : {}),
        startTimeOfDay: r.startTimeOfDay,
        durationSeconds: r.durationSeconds,
      })),
    })),
    overrides: [],
  };
  const validation = validateSchedule(schedule);
  if (!validation.valid) {
    const fields: Record<string, string> = {};
    for (const p of validation.problems) {
      const index = "layer" in p ? input.layers.findIndex((l) => l.name === p.layer) : -1;
      const at = `input.layers.${index}`;
      if (p.code === "INVALID_TIMEZONE") fields["input.timezone"] = "must be an IANA time zone";
      else if (p.code === "DUPLICATE_LAYER_NAME") fields[`${at}.name`] = "is used by another layer";
      else if (p.code === "LAYER_ENDS_BEFORE_START") fields[`${at}.end`] = "must be after the start";
      else if (p.code === "INVALID_RESTRICTION_WEEKDAY") fields[`${at}.restrictions`] = "weekdays run from 1 to 7";
      else if (p.code === "INVALID_RESTRICTION_TIME") fields[`${at}.restrictions`] = `${p.value} is not a time HH:MM`;
      else if (p.code === "INVALID_RESTRICTION_DURATION")
        fields[`${at}.restrictions`] = `a window lasts 1 to ${p.maxSeconds} seconds`;
      else fields[`${at}`] = p.code;
    }
    throw new ValidationError(fields);
  }
  return inTransaction(ctx, async (tx) => {
    await staffOrFail(
      tx,
      input.layers.flatMap((l) => l.userIds),
      "input.layers",
    );
    const taken: unknown[] = await tx.query("SELECT 1 FROM oncall_schedule WHERE lower(name) = lower($1)", [
      input.name,
    ]);
    if (taken.length) throw new ConflictError(`A schedule named ${input.name} already exists`);
    const saved = await tx
      .getRepository(OncallSchedule)
      .save(tx.getRepository(OncallSchedule).create({ name: input.name, timezone: input.timezone }));
    await tx.getRepository(ScheduleLayer).insert(
      schedule.layers.map((l, position) => ({
        scheduleId: saved.id,
        position,
        name: l.name,
        start: l.start,
        end: l.end ?? null,
        rotationTurnLengthSeconds: l.rotationTurnLengthSeconds,
        userIds: [...l.users],
        restrictions: [...(l.restrictions ?? [])],
      })),
    );
    return saved;
  });
}

export async function addScheduleOverride(
  ctx: ServiceContext,
  rawId: unknown,
  raw: unknown,
): Promise<ScheduleOverride> {
  requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT");
  const scheduleId = parseInput(Id, rawId, "scheduleId");
  const input = parseInput(AddScheduleOverrideInput.schema, raw);
  return inTransaction(ctx, async (tx) => {
    if (!(await tx.getRepository(OncallSchedule).existsBy({ id: scheduleId })))
      throw new NotFoundError("Schedule", scheduleId);
    await staffOrFail(tx, [input.userId], "input.userId");
    const repo = tx.getRepository(ScheduleOverride);
    return repo.save(
      repo.create({ scheduleId, userId: input.userId, start: input.start, end: input.end, createdAt: ctx.clock.now() }),
    );
  });
}

export async function removeScheduleOverride(ctx: ServiceContext, rawId: unknown): Promise<boolean> {
  requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT");
  const id = parseInput(Id, rawId, "overrideId");
  const result = await ctx.db.getRepository(ScheduleOverride).delete({ id });
  if (!result.affected) throw new NotFoundError("Schedule override", id);
  return true;
}

function toStoredLevels(input: z.infer<typeof CreateEscalationPolicyInput.schema>): StoredLevel[] {
  return input.levels.map((l) => ({
    timeoutMinutes: l.timeoutMinutes,
    targets: l.targets.map((t): StoredTarget =>
      t.manager
        ? { kind: "manager" }
        : t.userId
          ? { kind: "user", userId: t.userId }
          : { kind: "schedule", scheduleId: t.scheduleId! },
    ),
  }));
}

/** The levels as the domain's rules read them; `manager` stands in for whoever it will name. */
function forValidation(levels: readonly StoredLevel[], repeats: number): DomainPolicy {
  return {
    repeats,
    levels: levels.map((l) => ({
      timeoutMinutes: l.timeoutMinutes,
      targets: l.targets.map((t): EscalationTarget => (t.kind === "manager" ? { kind: "user", userId: "manager" } : t)),
    })),
  };
}

export async function createEscalationPolicy(ctx: ServiceContext, raw: unknown): Promise<EscalationPolicy> {
  requireRole(ctx, "ADMIN");
  const input = parseInput(CreateEscalationPolicyInput.schema, raw);
  const levels = toStoredLevels(input);
  const policy = forValidation(levels, input.repeats);
  return inTransaction(ctx, async (tx) => {
    const scheduleIds = scheduleIdsOf(policy);
    const known = await tx.getRepository(OncallSchedule).findBy({ id: In(scheduleIds.length ? scheduleIds : []) });
    const validation = validateEscalationPolicy(policy, new Set(known.map((s) => s.id)));
    if (!validation.valid) {
      const unknown = validation.problems.find((p) => p.code === "UNKNOWN_SCHEDULE");
      if (unknown && unknown.code === "UNKNOWN_SCHEDULE") throw new NotFoundError("Schedule", unknown.scheduleId);
      throw new ValidationError(
        Object.fromEntries(
          validation.problems.map((p) => ["level" in p ? `input.levels.${p.level - 1}` : "input", p.code]),
        ),
      );
    }
    await staffOrFail(
      tx,
      levels.flatMap((l) => l.targets.flatMap((t) => (t.kind === "user" ? [t.userId] : []))),
      "input.levels",
    );
    const taken: unknown[] = await tx.query("SELECT 1 FROM escalation_policy WHERE lower(name) = lower($1)", [
      input.name,
    ]);
    if (taken.length) throw new ConflictError(`An escalation policy named ${input.name} already exists`);
    const repo = tx.getRepository(EscalationPolicy);
    return repo.save(repo.create({ name: input.name, repeats: input.repeats, levels }));
  });
}

export interface OnCallEntry {
  userId: string;
  scheduleId: string | null;
  escalationPolicyId: string | null;
  escalationLevel: number | null;
  source: string;
}

function sourceName(source: OnCallSource): string {
  return source === "override" ? "override" : `layer:${source.layer}`;
}

/** Who is on call at `at`: on one schedule, on each level of a policy, or on every schedule. */
export async function onCall(
  ctx: ServiceContext,
  rawScheduleId: unknown,
  rawPolicyId: unknown,
  rawAt: unknown,
): Promise<OnCallEntry[]> {
  requireRole(ctx, ...STAFF_ROLES);
  const { scheduleId, escalationPolicyId, at } = parseInput(
    z.object({ scheduleId: Id.nullish(), escalationPolicyId: Id.nullish(), at: z.date().nullish() }),
    { scheduleId: rawScheduleId, escalationPolicyId: rawPolicyId, at: rawAt },
    "",
  );
  const when = at ?? ctx.clock.now();
  const db = ctx.db.manager;
  const entries: OnCallEntry[] = [];
  const fromSchedules = async (ids: string[], level: { policyId: string; level: number } | null) => {
    const schedules = await loadSchedules(db, ids);
    for (const id of ids) {
      const schedule = schedules.get(id);
      const who = schedule ? whoIsOnCall(schedule, when) : null;
      if (who)
        entries.push({
          userId: who.userId,
          scheduleId: id,
          escalationPolicyId: level?.policyId ?? null,
          escalationLevel: level?.level ?? null,
          source: sourceName(who.source),
        });
    }
  };
  if (scheduleId) {
    if (!(await db.getRepository(OncallSchedule).existsBy({ id: scheduleId })))
      throw new NotFoundError("Schedule", scheduleId);
    await fromSchedules([scheduleId], null);
  }
  if (escalationPolicyId) {
    const policy = await db.getRepository(EscalationPolicy).findOneBy({ id: escalationPolicyId });
    if (!policy) throw new NotFoundError("Escalation policy", escalationPolicyId);
    for (const [index, level] of policy.levels.entries()) {
      for (const target of level.targets) {
        if (target.kind === "manager") continue; // depends on the ticket
        if (target.kind === "user")
          entries.push({
            userId: target.userId,
            scheduleId: null,
            escalationPolicyId,
            escalationLevel: index + 1,
            source: "user",
          });
        else await fromSchedules([target.scheduleId], { policyId: escalationPolicyId, level: index + 1 });
      }
    }
  }
  if (!scheduleId && !escalationPolicyId) {
    const all = await db.getRepository(OncallSchedule).find({ order: { name: "ASC" } });
    await fromSchedules(
      all.map((s) => s.id),
      null,
    );
  }
  return entries;
}

export async function listSchedules(ctx: ServiceContext): Promise<OncallSchedule[]> {
  requireRole(ctx, ...STAFF_ROLES);
  return ctx.db.getRepository(OncallSchedule).find({ order: { name: "ASC" } });
}

export async function getSchedule(ctx: ServiceContext, rawId: unknown): Promise<OncallSchedule | null> {
  requireRole(ctx, ...STAFF_ROLES);
  const parsed = Id.safeParse(rawId);
  return parsed.success ? ctx.db.getRepository(OncallSchedule).findOneBy({ id: parsed.data }) : null;
}

export async function layersOf(ctx: ServiceContext, scheduleId: string): Promise<ScheduleLayer[]> {
  return ctx.db.getRepository(ScheduleLayer).find({ where: { scheduleId }, order: { position: "ASC" } });
}

export async function overridesOf(ctx: ServiceContext, scheduleId: string): Promise<ScheduleOverride[]> {
  return ctx.db.getRepository(ScheduleOverride).find({ where: { scheduleId }, order: { start: "ASC" } });
}

export async function listEscalationPolicies(ctx: ServiceContext): Promise<EscalationPolicy[]> {
  requireRole(ctx, ...STAFF_ROLES);
  return ctx.db.getRepository(EscalationPolicy).find({ order: { name: "ASC" } });
}

export async function getEscalationPolicy(ctx: ServiceContext, id: string): Promise<EscalationPolicy | null> {
  return ctx.db.getRepository(EscalationPolicy).findOneBy({ id });
}

/** The first person a policy's levels would page at `at` (managers aside: they need a ticket). */
export async function firstOnCall(tx: EntityManager, levels: readonly StoredLevel[], at: Date): Promise<string | null> {
  const resolve = resolverOf(await loadSchedules(tx, scheduleIdsOf({ levels })));
  for (const level of levels)
    for (const target of level.targets) {
      const userId =
        target.kind === "user" ? target.userId : target.kind === "schedule" ? resolve(target.scheduleId, at) : null;
      if (userId) return userId;
    }
  return null;
}

/**
 * The policy for one ticket: `manager` becomes the manager of the ticket's owner (its assignee, else
 * whoever the first level pages now); without one, the target is dropped and its level skipped.
 */
export async function policyForTicket(
  tx: EntityManager,
  policy: { levels: readonly StoredLevel[]; repeats: number },
  ownerId: string | null,
  at: Date,
): Promise<DomainPolicy> {
  const needsManager = policy.levels.some((l) => l.targets.some((t) => t.kind === "manager"));
  let managerId: string | null = null;
  if (needsManager) {
    const owner = ownerId ?? (await firstOnCall(tx, policy.levels, at));
    managerId = owner ? ((await tx.getRepository(User).findOneBy({ id: owner }))?.managerId ?? null) : null;
  }
  return {
    repeats: policy.repeats,
    levels: policy.levels.map((l) => ({
      timeoutMinutes: l.timeoutMinutes,
      targets: l.targets.flatMap((t): EscalationTarget[] =>
        t.kind !== "manager" ? [t] : managerId ? [{ kind: "user", userId: managerId }] : [],
      ),
    })),
  };
}
