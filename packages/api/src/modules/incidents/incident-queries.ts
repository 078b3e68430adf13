import { Incident } from "./incident.entity.js";
import { IncidentFilter } from "./incident.types.js";
import { parseInput } from "../../platform/errors.js";
import { isId } from "../../platform/validation.js";
import { isStaff } from "../../platform/access/viewer.js";
import type { AppServices, ServiceContext } from "../../platform/context.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";

/** Staff see every incident; everyone else only those a PUBLIC update has made public. */
export async function getIncident(ctx: ServiceContext, rawId: unknown): Promise<Incident | null> {
  if (!isId(rawId)) return null;
  const incident = await ctx.db.getRepository(Incident).findOneBy({ id: rawId });
  return incident && isVisibleTo(ctx, incident) ? incident : null;
}

export function isVisibleTo(ctx: Pick<ServiceContext, "viewer">, incident: Incident): boolean {
  return incident.publishedAt !== null || isStaff(ctx.viewer);
}

/** Newest first; the cursor is (reportedAt, id), stable under inserts. */
export async function listIncidents(
  ctx: ServiceContext,
  rawFilter: unknown,
  first: unknown,
  after: unknown,
): Promise<Page<Incident>> {
  const filter = parseInput(IncidentFilter.schema, rawFilter, "filter") ?? {};
  const page = parsePage(first, after);
  const q = ctx.db.getRepository(Incident).createQueryBuilder("i");
  if (!isStaff(ctx.viewer)) q.andWhere("i.published_at IS NOT NULL");
  if (filter.status?.length) q.andWhere("i.status IN (:...status)", { status: filter.status });
  if (filter.severity?.length) q.andWhere("i.severity IN (:...severity)", { severity: filter.severity });
  if (filter.active === true) q.andWhere("i.resolved_at IS NULL");
  if (filter.active === false) q.andWhere("i.resolved_at IS NOT NULL");
  if (filter.componentId)
    q.andWhere("EXISTS (SELECT 1 FROM incident_component ic WHERE ic.incident_id = i.id AND ic.component_id = :cid)", {
      cid: filter.componentId,
    });
  if (filter.reportedAfter) q.andWhere("i.reported_at >= :ra", { ra: filter.reportedAfter });
  if (filter.reportedBefore) q.andWhere("i.reported_at < :rb", { rb: filter.reportedBefore });
  if (page.after) {
    const [at, id] = decodeCursor(page.after, 2);
    q.andWhere("(i.reported_at, i.id) < (:at, :id)", { at: new Date(String(at)), id: String(id) });
  }
  const rows = await q
    .orderBy("i.reported_at", "DESC")
    .addOrderBy("i.id", "DESC")
    .take(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (i) => encodeCursor([i.reportedAt.toISOString(), i.id]));
}

const snapshots = new WeakMap<object, Promise<Incident | undefined>>();

/**
 * The incident as it is after `event`, loaded once however many subscribers want it. An event for a
 * status update shows the incident as of that update (its status, the updates up to it), even when
 * later updates were committed before the event was delivered: a live reader sees every step in order.
 */
export function incidentSnapshot(
  ctx: AppServices,
  event: object & { incidentId: string; asOfSequence?: number },
): Promise<Incident | undefined> {
  let snapshot = snapshots.get(event);
  if (!snapshot) {
    snapshot = ctx.db
      .getRepository(Incident)
      .findOne({ where: { id: event.incidentId }, relations: { components: true, updates: true, reports: true } })
      .then((incident) => {
        if (!incident) return undefined;
        incident.updates.sort((a, b) => b.sequence - a.sequence);
        return event.asOfSequence === undefined ? incident : asOf(incident, event.asOfSequence);
      });
    snapshots.set(event, snapshot);
  }
  return snapshot;
}

/** The incident as its update number `sequence` left it (later updates, and what they changed, left out). */
function asOf(incident: Incident, sequence: number): Incident {
  const at = incident.updates.find((u) => u.sequence === sequence);
  if (!at) return incident;
  incident.updates = incident.updates.filter((u) => u.sequence <= sequence);
  incident.status = at.status;
  incident.resolvedAt = at.status === "RESOLVED" ? at.createdAt : null;
  return incident;
}
