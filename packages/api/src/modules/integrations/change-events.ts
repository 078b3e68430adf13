import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { z } from "zod";
import { ChangeEvent } from "./change-event.entity.js";
import { Service } from "./integration.entity.js";
import type { IntegrationConfig } from "./alerts.js";
import type { EnqueuedChangeEvent } from "./events-api.js";
import { NotFoundError, parseInput } from "../../platform/errors.js";
import { STAFF_ROLES } from "../../platform/access/roles.js";
import { Id, requireRole } from "../../platform/validation.js";
import { perRequest, type Clock, type ServiceContext } from "../../platform/context.js";
import { inTransaction } from "../../platform/db/transaction.js";

/** `Query.changeEvents` answers at most this many, newest first: narrow with `since` to see others. */
const CHANGE_EVENTS_LIMIT = 100;
/** `Incident.recentChanges`: the changes of the incident's services from a day before it was reported… */
const RECENT_CHANGES_WINDOW_MS = 24 * 60 * 60 * 1000;
/** …at most this many, newest first. */
const RECENT_CHANGES_LIMIT = 20;

/** Stores one change event for the integration's service; resolves once it has committed. */
export async function recordChangeEvent(
  ctx: ServiceContext,
  config: IntegrationConfig,
  event: EnqueuedChangeEvent,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const p = event.payload;
    await tx.query(
      `INSERT INTO change_event (service_id, integration_id, summary, source, occurred_at, custom_details, links, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        config.service.id,
        config.integration.id,
        p.summary,
        p.source,
        p.timestamp ?? now,
        p.customDetails === null ? null : JSON.stringify(p.customDetails),
        JSON.stringify(event.links),
        now,
      ],
    );
  });
}

/** A service's change events, newest first, at most CHANGE_EVENTS_LIMIT; `since` keeps those that happened at or after it. */
export async function listChangeEvents(ctx: ServiceContext, rawServiceId: unknown, since: unknown) {
  requireRole(ctx, ...STAFF_ROLES);
  const args = parseInput(
    z.object({ serviceId: Id, since: z.date().nullish() }),
    { serviceId: rawServiceId, since },
    "",
  );
  if (!(await ctx.db.getRepository(Service).existsBy({ id: args.serviceId })))
    throw new NotFoundError("Service", args.serviceId);
  const q = ctx.db
    .getRepository(ChangeEvent)
    .createQueryBuilder("c")
    .where("c.service_id = :serviceId", { serviceId: args.serviceId });
  if (args.since) q.andWhere("c.occurred_at >= :since", { since: args.since });
  return q.orderBy("c.occurred_at", "DESC").addOrderBy("c.id", "DESC").take(CHANGE_EVENTS_LIMIT).getMany();
}

/** Batching for change events: one query per relation for a whole list of incidents, never one per row. */
function createChangeEventLoaders(db: DataSource, clock: Clock, options: { cache: boolean }) {
  const cache = options.cache;
  return {
    /**
     * An incident's services are those whose integrations' alerts opened it; their changes from
     * RECENT_CHANGES_WINDOW_MS before it was reported up to now.
     */
    recentChangesOfIncident: new DataLoader<string, ChangeEvent[]>(
      async (incidentIds) => {
        const rows: { incident_id: string; id: string }[] = await db.query(
          `SELECT inc.id AS incident_id, c.id
             FROM incident inc
             CROSS JOIN LATERAL (
               SELECT ce.id, ce.occurred_at FROM change_event ce
                WHERE ce.service_id IN (SELECT ig.service_id FROM alert a JOIN integration ig ON ig.id = a.integration_id
                                         WHERE a.incident_id = inc.id)
                  AND ce.occurred_at >= inc.reported_at - $2 * interval '1 millisecond'
                  AND ce.occurred_at <= $3
                ORDER BY ce.occurred_at DESC, ce.id DESC
                LIMIT $4) c
            WHERE inc.id = ANY($1::uuid[])`,
          [incidentIds, RECENT_CHANGES_WINDOW_MS, clock.now(), RECENT_CHANGES_LIMIT],
        );
        const events = rows.length
          ? await db.getRepository(ChangeEvent).findBy({ id: In([...new Set(rows.map((r) => r.id))]) })
          : [];
        const byId = new Map(events.map((e) => [e.id, e]));
        const grouped = new Map<string, ChangeEvent[]>();
        for (const row of rows) {
          const event = byId.get(row.id);
          if (!event) continue;
          const list = grouped.get(row.incident_id) ?? [];
          list.push(event);
          grouped.set(row.incident_id, list);
        }
        const newestFirst = (a: ChangeEvent, b: ChangeEvent) =>
          b.timestamp.getTime() - a.timestamp.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
        return incidentIds.map((id) => (grouped.get(id) ?? []).sort(newestFirst));
      },
      { cache },
    ),
    service: new DataLoader<string, Service | null>(
      async (ids) => {
        const services = await db.getRepository(Service).findBy({ id: In([...ids]) });
        const byId = new Map(services.map((s) => [s.id, s]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache },
    ),
  };
}

/** This request's change event loaders. */
export const changeEventLoaders = perRequest(Symbol("change event loaders"), ({ db, clock, request }) =>
  createChangeEventLoaders(db, clock, { cache: request.cache }),
);
