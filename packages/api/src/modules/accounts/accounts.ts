import type { Viewer } from "../../platform/access/viewer.js";
import { Account, AccountTierChange } from "./account.entity.js";
import { CreateAccountInput, UpdateAccountInput } from "./account.types.js";
import { ForbiddenError, NotFoundError, parseInput } from "../../platform/errors.js";
import { RefId, isId, requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";
import { inTransaction } from "../../platform/db/transaction.js";

/** Who may read accounts and their CSE sessions: staff, and customers for their own account. */
export const ACCOUNT_READERS = [
  "ADMIN",
  "RESPONDER",
  "SUPPORT_AGENT",
  "CUSTOMER_SUCCESS_ENGINEER",
  "CUSTOMER",
] as const;

/**
 * A CUSTOMER acts for their own account only. Any other id is FORBIDDEN whether or not it exists,
 * so the answer tells nothing about other customers.
 */
export function assertActsFor(viewer: Viewer, accountId: string): void {
  if (viewer.role === "CUSTOMER" && viewer.accountId !== accountId)
    throw new ForbiddenError("A customer may only see and book sessions for their own account");
}

export async function createAccount(ctx: ServiceContext, raw: unknown): Promise<Account> {
  const viewer = requireRole(ctx, "ADMIN");
  const input = parseInput(CreateAccountInput.schema, raw);
  return inTransaction(ctx, async (tx) => {
    const repo = tx.getRepository(Account);
    const account = await repo.save(repo.create(input));
    await tx.getRepository(AccountTierChange).insert({
      accountId: account.id,
      tier: input.tier,
      effectiveFrom: ctx.clock.now(),
      changedById: viewer.userId,
    });
    return account;
  });
}

/**
 * A change of tier takes effect now and is kept in the tier history: sessions from now on are judged
 * by the new tier's caps, and sessions already used this contract year still count against them.
 */
export async function updateAccount(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<Account> {
  const viewer = requireRole(ctx, "ADMIN");
  const id = parseInput(RefId, rawId, "id");
  const input = parseInput(UpdateAccountInput.schema, raw);
  if (!isId(id)) throw new NotFoundError("Account", id);
  return inTransaction(ctx, async (tx) => {
    const repo = tx.getRepository(Account);
    // Bookings take the same lock: a booking sees the tier either before or after the change, never half of it.
    const account = await repo.findOne({ where: { id }, lock: { mode: "for_no_key_update" } });
    if (!account) throw new NotFoundError("Account", id);
    if (input.tier && input.tier !== account.tier) {
      await tx.getRepository(AccountTierChange).insert({
        accountId: id,
        tier: input.tier,
        effectiveFrom: ctx.clock.now(),
        changedById: viewer.userId,
      });
      account.tier = input.tier;
    }
    if (input.name) account.name = input.name;
    if (input.subscriptionStartDate) account.subscriptionStartDate = input.subscriptionStartDate;
    if (input.products) account.products = input.products;
    if (input.timezone) account.timezone = input.timezone;
    return repo.save(account);
  });
}

export async function getAccount(ctx: ServiceContext, rawId: unknown): Promise<Account | null> {
  const viewer = requireRole(ctx, ...ACCOUNT_READERS);
  const id = parseInput(RefId, rawId, "id");
  assertActsFor(viewer, id);
  return isId(id) ? ctx.db.getRepository(Account).findOneBy({ id }) : null;
}

/** By name; a customer's list holds their own account only. */
export async function listAccounts(ctx: ServiceContext, first: unknown, after: unknown): Promise<Page<Account>> {
  const viewer = requireRole(ctx, ...ACCOUNT_READERS);
  const page = parsePage(first, after);
  const q = ctx.db.getRepository(Account).createQueryBuilder("a");
  if (viewer.role === "CUSTOMER") q.andWhere("a.id = :own", { own: viewer.accountId });
  if (page.after) {
    const [name, id] = decodeCursor(page.after, 2);
    q.andWhere("(a.name, a.id) > (:name, :id)", { name: String(name), id: String(id) });
  }
  const rows = await q
    .orderBy("a.name", "ASC")
    .addOrderBy("a.id", "ASC")
    .take(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (a) => encodeCursor([a.name, a.id]));
}
