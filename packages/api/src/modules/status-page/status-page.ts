import { aggregateStatus, type StatusIndicator } from "@liaison/domain";
import type { DataSource } from "typeorm";
import { perProcess, type AppServices } from "../../platform/context.js";
import { IsNull, Not } from "typeorm";
import type { Component } from "../components/index.js";
import { Incident } from "../incidents/index.js";
import type { ScheduledMaintenance } from "../maintenance/index.js";
import { ORGANIZATION_ID } from "../../platform/validation.js";
import { listComponents } from "../components/index.js";
import { createIncidentLoaders, publicImpactOf } from "../incidents/index.js";
import { getOrganization } from "../admin/index.js";
import { openMaintenances, preloadMaintenances } from "../maintenance/index.js";

export interface StatusPageData {
  indicator: StatusIndicator;
  description: string;
  components: Component[];
  activeIncidents: Incident[];
  scheduledMaintenances: ScheduledMaintenance[];
  updatedAt: Date;
  id: string;
  name: string;
  timeZone: string;
}

/** Loads everything the page shows with a fixed number of queries, whatever its size. */
export async function loadStatusPage(db: DataSource): Promise<StatusPageData> {
  const [components, activeIncidents, maintenances, organization] = await Promise.all([
    listComponents(db.manager),
    // Public only once a PUBLIC update made them so: an incident only staff know of changes nothing here.
    db
      .getRepository(Incident)
      .find({ where: { resolvedAt: IsNull(), publishedAt: Not(IsNull()) }, order: { reportedAt: "DESC" } }),
    openMaintenances(db),
    getOrganization(db.manager),
  ]);
  await preloadMaintenances(db, maintenances);
  const loaders = createIncidentLoaders(db);
  await Promise.all(
    activeIncidents.map(async (incident) => {
      const [cs, updates, reports] = await Promise.all([
        loaders.componentsOfIncident.load(incident.id),
        loaders.updatesOfIncident.load(incident.id),
        loaders.reportsOfIncident.load(incident.id),
      ]);
      incident.components = cs;
      incident.updates = updates;
      incident.reports = reports;
    }),
  );
  const status = aggregateStatus({
    componentStatuses: components.map((c) => c.status),
    activeIncidentImpacts: activeIncidents.map((i) => publicImpactOf(i, i.updates)),
    maintenanceInProgress: maintenances.some((m) => m.status === "IN_PROGRESS"),
  });
  const lastChange: { incident: Date | null; maintenance: Date | null }[] = await db.query(
    `SELECT (SELECT max(updated_at) FROM incident WHERE published_at IS NOT NULL) AS incident,
            (SELECT max(updated_at) FROM scheduled_maintenance) AS maintenance`,
  );
  const at = (d: Date | null | undefined) => (d ? new Date(d).getTime() : 0);
  const times = [
    ...components.map((c) => c.updatedAt.getTime()),
    at(lastChange[0]?.incident),
    at(lastChange[0]?.maintenance),
  ];
  return {
    ...status,
    components,
    activeIncidents,
    scheduledMaintenances: maintenances,
    updatedAt: new Date(Math.max(0, ...times)),
    id: ORGANIZATION_ID,
    name: organization.name,
    timeZone: organization.timezone,
  };
}

/**
 * The status page is read far more often than it changes: keep one copy,
 * dropped whenever any process announces a change.
 */
export class StatusPageCache {
  private current: Promise<StatusPageData> | null = null;
  private generation = 0;

  constructor(private readonly db: DataSource) {}

  get(): Promise<StatusPageData> {
    if (this.current) return this.current;
    const generation = this.generation;
    const loading = loadStatusPage(this.db);
    this.current = loading;
    loading.then(
      () => {
        if (generation !== this.generation && this.current === loading) this.current = null;
      },
      () => {
        if (this.current === loading) this.current = null;
      },
    );
    return loading;
  }

  invalidate(): void {
    this.generation += 1;
    this.current = null;
  }
}

const statusPageCache = perProcess(Symbol("status page"), (app) => new StatusPageCache(app.db));

/** The public status page, served from this process's cache that every change drops. */
export function statusPageOf(ctx: AppServices): Promise<StatusPageData> {
  return statusPageCache(ctx).get();
}
