import { aggregateStatus, type StatusIndicator } from "@liaison/domain";
import type { DataSource } from "typeorm";
import { IsNull } from "typeorm";
import type { Component } from "../entities/component.entity.js";
import { Incident } from "../entities/incident.entity.js";
import { listComponents } from "./components.js";
import { createLoaders } from "./loaders.js";

export interface StatusPageData {
  indicator: StatusIndicator;
  description: string;
  components: Component[];
  activeIncidents: Incident[];
  scheduledMaintenances: unknown[];
  updatedAt: Date;
}

/** Loads everything the page shows with a fixed number of queries, whatever its size. */
export async function loadStatusPage(db: DataSource): Promise<StatusPageData> {
  const [components, activeIncidents] = await Promise.all([
    listComponents(db.manager),
    db.getRepository(Incident).find({ where: { resolvedAt: IsNull() }, order: { reportedAt: "DESC" } }),
  ]);
  const loaders = createLoaders(db);
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
    activeIncidentImpacts: activeIncidents.map((i) => i.impact),
    maintenanceInProgress: false,
  });
  const lastIncidentChange: { at: Date | null }[] = await db.query("SELECT max(updated_at) AS at FROM incident");
  const times = [
    ...components.map((c) => c.updatedAt.getTime()),
    lastIncidentChange[0]?.at ? new Date(lastIncidentChange[0].at).getTime() : 0,
  ];
  return {
    ...status,
    components,
    activeIncidents,
    scheduledMaintenances: [],
    updatedAt: new Date(Math.max(0, ...times)),
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
