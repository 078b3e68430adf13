import { z } from "zod";
import { In } from "typeorm";
import { STAFF_ROLES } from "../../platform/access/roles.js";
import type { DataSource, EntityManager } from "typeorm";
import { generateToken, hashToken } from "./tokens.js";
import { Account } from "../accounts/index.js";
import { ApiToken } from "./api-token.entity.js";
import { User } from "./user.entity.js";
import { CreateUserInput, RevokeApiTokenInput, TimeZone } from "./admin.types.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, parseInput } from "../../platform/errors.js";
import { ROLES } from "../../platform/access/roles.js";
import { Id, RefId, isId, requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { inTransaction } from "../../platform/db/transaction.js";

async function issueToken(tx: EntityManager, userId: string, label: string | null): Promise<string> {
  const token = generateToken();
  await tx.getRepository(ApiToken).insert({ userId, tokenHash: hashToken(token), label });
  return token;
}

export async function createUser(ctx: ServiceContext, raw: unknown): Promise<{ user: User; token: string }> {
  const input = parseInput(CreateUserInput.schema, raw);
  if (input.role === "CUSTOMER" && !input.accountId)
    throw new ValidationError({ "input.accountId": "a CUSTOMER user must belong to an account" });
  if (input.role !== "CUSTOMER" && input.accountId)
    throw new ValidationError({ "input.accountId": "only CUSTOMER users belong to an account" });
  return inTransaction(ctx, async (tx) => {
    if (
      input.accountId &&
      !(isId(input.accountId) && (await tx.getRepository(Account).existsBy({ id: input.accountId })))
    )
      throw new NotFoundError("Account", input.accountId);
    const taken: unknown[] = await tx.query("SELECT 1 FROM app_user WHERE lower(email) = lower($1)", [input.email]);
    if (taken.length) throw new ConflictError(`A user with email ${input.email} already exists`);
    const user = await tx.getRepository(User).save(
      tx.getRepository(User).create({
        name: input.name,
        email: input.email,
        role: input.role,
        accountId: input.accountId ?? null,
        timezone: input.timezone ?? null,
      }),
    );
    const token = await issueToken(tx, user.id, "initial");
    return { user, token };
  });
}

export async function createApiToken(ctx: ServiceContext, rawUserId: unknown, label?: unknown): Promise<string> {
  const { userId, label: parsedLabel } = parseInput(
    z.object({ userId: RefId, label: z.string().trim().max(100).nullish() }),
    { userId: rawUserId, label },
    "",
  );
  return inTransaction(ctx, async (tx) => {
    if (!isId(userId) || !(await tx.getRepository(User).existsBy({ id: userId })))
      throw new NotFoundError("User", userId);
    return issueToken(tx, userId, parsedLabel ?? null);
  });
}

/** Revokes one token (by its value) or every token of a user; returns how many. */
export async function revokeApiToken(ctx: ServiceContext, raw: unknown): Promise<number> {
  const input = parseInput(RevokeApiTokenInput.schema, raw, "");
  const revoked = await inTransaction(ctx, async (tx) => {
    const [rows]: [{ id: string }[], number] = input.token
      ? await tx.query(
          "UPDATE api_token SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id",
          [hashToken(input.token)],
        )
      : await tx.query(
          "UPDATE api_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id",
          [input.userId],
        );
    if (rows.length === 0) throw new NotFoundError("Active token", input.token ? "(given)" : input.userId!);
    // Whose tokens: every process closes the WebSocket connections opened with them.
    await ctx.bus.publish(
      tx,
      input.userId
        ? { kind: "tokens-revoked", userId: input.userId }
        : { kind: "tokens-revoked", tokenIds: rows.map((r) => r.id) },
    );
    return rows.length;
  });
  ctx.forgetCredentials();
  return revoked;
}

/** ADMIN_TOKEN at start: the first credential of a new installation. */
export async function ensureAdminToken(db: DataSource, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const hash = hashToken(token);
    const existing = await tx.getRepository(ApiToken).findOneBy({ tokenHash: hash });
    if (existing) {
      if (existing.revokedAt) await tx.getRepository(ApiToken).update(existing.id, { revokedAt: null });
      return;
    }
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('liaison.bootstrap-admin'))");
    let admin = await tx.getRepository(User).findOneBy({ email: "admin@liaison.local" });
    admin ??= await tx
      .getRepository(User)
      .save(tx.getRepository(User).create({ name: "Administrator", email: "admin@liaison.local", role: "ADMIN" }));
    await tx.getRepository(ApiToken).insert({ userId: admin.id, tokenHash: hash, label: "ADMIN_TOKEN" });
  });
}

/** Every id names a member of staff (NOT_FOUND for unknown ids, a field error for customers). */
export async function staffOrFail(tx: EntityManager, ids: readonly string[], field: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const users = await tx.getRepository(User).findBy({ id: In(unique) });
  const missing = unique.find((id) => !users.some((u) => u.id === id));
  if (missing) throw new NotFoundError("User", missing);
  const customer = users.find((u) => !STAFF_ROLES.includes(u.role));
  if (customer) throw new ValidationError({ [field]: `${customer.id} is a customer, not staff` });
}

export async function setUserManager(ctx: ServiceContext, rawUserId: unknown, rawManagerId: unknown): Promise<User> {
  requireRole(ctx, "ADMIN");
  const { userId, managerId } = parseInput(
    z.object({ userId: Id, managerId: Id.nullable() }),
    { userId: rawUserId, managerId: rawManagerId ?? null },
    "",
  );
  if (userId === managerId) throw new ValidationError({ managerId: "nobody manages themself" });
  return inTransaction(ctx, async (tx) => {
    const user = await tx.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new NotFoundError("User", userId);
    if (managerId) {
      await staffOrFail(tx, [managerId], "managerId");
      // Walks up from the new manager: a chain that comes back to the user would page in circles.
      const cycle: unknown[] = await tx.query(
        `WITH RECURSIVE up(id, depth) AS (SELECT $1::uuid, 0 UNION ALL
           SELECT u.manager_id, up.depth + 1 FROM app_user u JOIN up ON u.id = up.id WHERE u.manager_id IS NOT NULL AND up.depth < 100)
         SELECT 1 FROM up WHERE id = $2`,
        [managerId, userId],
      );
      if (cycle.length) throw new ValidationError({ managerId: "would make the user their own (indirect) manager" });
    }
    user.managerId = managerId;
    return tx.getRepository(User).save(user);
  });
}

/**
 * The time zone of the times in a person's reminders and pages (null: the organization's).
 * An ADMIN sets anyone's; everyone else their own.
 */
export async function setUserTimezone(ctx: ServiceContext, rawUserId: unknown, rawTimezone: unknown): Promise<User> {
  const viewer = requireRole(ctx, ...ROLES);
  const { userId, timezone } = parseInput(
    z.object({ userId: Id, timezone: TimeZone.nullable() }),
    { userId: rawUserId, timezone: rawTimezone ?? null },
    "",
  );
  if (viewer.role !== "ADMIN" && viewer.userId !== userId)
    throw new ForbiddenError("Only an ADMIN sets another person's time zone");
  return ctx.db.transaction(async (tx) => {
    const user = await tx.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new NotFoundError("User", userId);
    user.timezone = timezone;
    return tx.getRepository(User).save(user);
  });
}
