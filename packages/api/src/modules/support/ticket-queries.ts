import { Ticket } from "./ticket.entity.js";
import { TicketFilter } from "./ticket.types.js";
import { parseInput } from "../../platform/errors.js";
import { requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";

/** Newest first; the cursor is (createdAt, id). Customers see their own account's tickets only. */
export async function listTickets(
  ctx: ServiceContext,
  rawFilter: unknown,
  first: unknown,
  after: unknown,
): Promise<Page<Ticket>> {
  const viewer = requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  const filter = parseInput(TicketFilter.schema, rawFilter, "filter") ?? {};
  const page = parsePage(first, after);
  const q = ctx.db.getRepository(Ticket).createQueryBuilder("t");
  if (viewer.role === "CUSTOMER") q.andWhere("t.account_id = :own", { own: viewer.accountId });
  if (filter.status?.length) q.andWhere("t.status IN (:...status)", { status: filter.status });
  if (filter.priority?.length) q.andWhere("t.priority IN (:...priority)", { priority: filter.priority });
  if (filter.open === true) q.andWhere("t.status NOT IN ('SOLVED','CLOSED')");
  if (filter.open === false) q.andWhere("t.status IN ('SOLVED','CLOSED')");
  if (filter.accountId) q.andWhere("t.account_id = :aid", { aid: filter.accountId });
  if (filter.incidentId) q.andWhere("t.incident_id = :iid", { iid: filter.incidentId });
  if (filter.assigneeId) q.andWhere("t.assignee_id = :asg", { asg: filter.assigneeId });
  if (filter.createdAfter) q.andWhere("t.created_at >= :ca", { ca: filter.createdAfter });
  if (filter.createdBefore) q.andWhere("t.created_at < :cb", { cb: filter.createdBefore });
  if (page.after) {
    const [at, id] = decodeCursor(page.after, 2);
    q.andWhere("(t.created_at, t.id) < (:at, :id)", { at: new Date(String(at)), id: String(id) });
  }
  const rows = await q
    .orderBy("t.created_at", "DESC")
    .addOrderBy("t.id", "DESC")
    .take(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (t) => encodeCursor([t.createdAt.toISOString(), t.id]));
}
