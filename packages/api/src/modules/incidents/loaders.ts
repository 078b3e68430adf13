import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { Component } from "../components/component.entity.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { Organization } from "../admin/organization.entity.js";
import { User } from "../admin/user.entity.js";
import { ORGANIZATION_ID } from "../../platform/validation.js";

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

export function byPosition(a: Component, b: Component): number {
  return a.position - b.position || a.name.localeCompare(b.name);
}

/** Per-request batching: one query per relation per request, never one per row. */
export function createLoaders(db: DataSource, options: { cache: boolean } = { cache: true }) {
  // A subscription's context lives as long as the subscription: batch, but never cache.
  const cache = options.cache;
  let organization: Promise<Organization> | null = null;
  const loadOrganization = () => db.getRepository(Organization).findOneByOrFail({ id: ORGANIZATION_ID });
  return {
    organization: () => (cache ? (organization ??= loadOrganization()) : loadOrganization()),
    user: new DataLoader<string, User | null>(
      async (ids) => {
        const rows = await db.getRepository(User).findBy({ id: In([...ids]) });
        const byId = new Map(rows.map((u) => [u.id, u]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache },
    ),
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
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
