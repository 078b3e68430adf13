import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { perRequest } from "../../platform/context.js";
import { byPosition, Component } from "../components/index.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { IncidentTimelineEntry } from "./playbook/incident-timeline.entity.js";

/** An account with tickets linked to an incident (tickets belong to the support module: read by SQL). */
export interface LinkedAccountRow {
  accountId: string;
  ticketCount: number;
  requesterIds: string[];
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Batching of an incident's relations: one query per relation, never one per row. */
export function createIncidentLoaders(db: DataSource, options: { cache: boolean } = { cache: true }) {
  // A subscription's context lives as long as the subscription: batch, but never cache.
  const cache = options.cache;
  return {
    componentsOfIncident: new DataLoader<string, Component[]>(
      async (ids) => {
        const links: { incident_id: string; component_id: string }[] = await db.query(
          "SELECT incident_id, component_id FROM incident_component WHERE incident_id = ANY($1::uuid[])",
          [ids],
        );
        const components = links.length
          ? await db.getRepository(Component).findBy({ id: In([...new Set(links.map((l) => l.component_id))]) })
          : [];
        const byId = new Map(components.map((c) => [c.id, c]));
        const grouped = groupBy(links, (l) => l.incident_id);
        return ids.map((id) =>
          (grouped.get(id) ?? [])
            .map((l) => byId.get(l.component_id))
            .filter((c): c is Component => c !== undefined)
            .sort(byPosition),
        );
      },
      { cache },
    ),
    updatesOfIncident: new DataLoader<string, IncidentUpdate[]>(
      async (ids) => {
        const rows = await db
          .getRepository(IncidentUpdate)
          .find({ where: { incidentId: In([...ids]) }, order: { sequence: "DESC" } });
        const grouped = groupBy(rows, (r) => r.incidentId);
        return ids.map((id) => grouped.get(id) ?? []);
      },
      { cache },
    ),
    reportsOfIncident: new DataLoader<string, IncidentReport[]>(
      async (ids) => {
        const rows = await db
          .getRepository(IncidentReport)
          .find({ where: { incidentId: In([...ids]) }, order: { publishedAt: "ASC" } });
        const grouped = groupBy(rows, (r) => r.incidentId);
        return ids.map((id) => grouped.get(id) ?? []);
      },
      { cache },
    ),
    timelineOfIncident: new DataLoader<string, IncidentTimelineEntry[]>(
      async (ids) => {
        const rows = await db
          .getRepository(IncidentTimelineEntry)
          .createQueryBuilder("e")
          .where("e.incident_id = ANY(:ids)", { ids })
          .orderBy("e.at", "ASC")
          .addOrderBy("e.seq", "ASC")
          .getMany();
        const grouped = groupBy(rows, (r) => r.incidentId);
        return ids.map((id) => grouped.get(id) ?? []);
      },
      { cache },
    ),
    linkedAccountsOfIncident: new DataLoader<string, LinkedAccountRow[]>(
      async (ids) => {
        const rows: { incident_id: string; account_id: string; tickets: number; requesters: string[] }[] =
          await db.query(
            `SELECT t.incident_id, t.account_id, count(*)::int AS tickets,
                    coalesce(array_agg(DISTINCT t.requester_id) FILTER (WHERE t.requester_id IS NOT NULL), '{}') AS requesters
               FROM ticket t JOIN account a ON a.id = t.account_id
              WHERE t.incident_id = ANY($1::uuid[])
              GROUP BY t.incident_id, t.account_id, a.name
              ORDER BY count(*) DESC, a.name, t.account_id`,
            [ids],
          );
        const grouped = groupBy(rows, (r) => r.incident_id);
        return ids.map((id) =>
          (grouped.get(id) ?? []).map((r) => ({
            accountId: r.account_id,
            ticketCount: r.tickets,
            requesterIds: r.requesters,
          })),
        );
      },
      { cache },
    ),
  };
}

/** This request's incident loaders. */
export const incidentLoaders = perRequest(Symbol("incident loaders"), ({ db, request }) =>
  createIncidentLoaders(db, { cache: request.cache }),
);
