import type { z } from "zod";
import { ValidationError, parseInput } from "../../platform/errors.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";
import type { ServiceContext } from "../../platform/context.js";
import { STAFF } from "../../platform/access/roles.js";
import { isId, requireRole } from "../../platform/validation.js";
import { UserFilter } from "./admin.types.js";
import { User } from "./user.entity.js";

/** `%`, `_` and the escape character match themselves in a search. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** People, alphabetically by name, for staff looking someone up (to assign a role, find a customer's users). */
export async function listUsers(
  ctx: ServiceContext,
  rawFilter: unknown,
  first: unknown,
  after: unknown,
): Promise<Page<User>> {
  requireRole(ctx, ...STAFF);
  const filter: Partial<NonNullable<z.infer<typeof UserFilter.schema>>> =
    parseInput(UserFilter.schema, rawFilter, "filter") ?? {};
  const page = parsePage(first, after);
  const q = ctx.db.getRepository(User).createQueryBuilder("u");
  if (filter.search) q.andWhere("(u.name ILIKE :p OR u.email ILIKE :p)", { p: likePattern(filter.search) });
  if (filter.role?.length) q.andWhere("u.role IN (:...roles)", { roles: filter.role });
  if (filter.accountId) q.andWhere("u.account_id = :aid", { aid: filter.accountId });
  if (page.after) {
    // The cursor names the last user seen (a name can be longer than a cursor may be).
    const [id] = decodeCursor(page.after, 1);
    if (!isId(id)) throw new ValidationError({ after: "is not a cursor from this list" });
    q.andWhere("(lower(u.name), u.id) > (SELECT lower(c.name), c.id FROM app_user c WHERE c.id = :cid)", {
      cid: String(id),
    });
  }
  const rows = await q
    .orderBy("lower(u.name)", "ASC")
    .addOrderBy("u.id", "ASC")
    .limit(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (u) => encodeCursor([u.id]));
}
