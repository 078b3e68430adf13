import { aggregateStatus, type ComponentStatus, type StatusIndicator } from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { IsNull, Not } from "typeorm";
import { getOrganization } from "../../admin/index.js";
import { Incident, publicImpactOf } from "../../incidents/index.js";
import type { PublicEvent } from "../../../platform/notifier.js";

interface ComponentView {
  id: string;
  name: string;
  status: string;
  createdAt: Date;
}

export interface IncidentUpdateView {
  id: string;
  status: string;
  message: string;
  createdAt: Date;
  editedAt: Date | null;
  componentStatuses: { componentId: string; status: string }[];
}

/** What a message about one event says: read once per batch, the same for every subscriber. */
export type EventContent = {
  eventId: string;
  page: { id: string; name: string; timezone: string; indicator: StatusIndicator; description: string };
  /** The components the event concerns: who hears of it. */
  componentIds: string[];
} & (
  | {
      kind: "INCIDENT_PUBLISHED" | "INCIDENT_UPDATE";
      incident: {
        id: string;
        name: string;
        status: string;
        impact: string;
        createdAt: Date;
        updatedAt: Date;
        resolvedAt: Date | null;
        monitoringAt: Date | null;
      };
      update: IncidentUpdateView;
      /** PUBLIC updates, newest first. */
      updates: IncidentUpdateView[];
      components: ComponentView[];
    }
  | {
      kind:
        | "MAINTENANCE_CREATED"
        | "MAINTENANCE_REMINDER"
        | "MAINTENANCE_STARTED"
        | "MAINTENANCE_COMPLETED"
        | "MAINTENANCE_CANCELLED";
      maintenance: {
        id: string;
        name: string;
        description: string | null;
        status: string;
        scheduledFor: Date;
        scheduledUntil: Date;
        startedAt: Date | null;
        completedAt: Date | null;
        cancelledAt: Date | null;
        createdAt: Date;
        updatedAt: Date;
      };
      updates: { id: string; status: string; message: string; createdAt: Date }[];
      components: ComponentView[];
    }
  | { kind: "COMPONENT_STATUS"; component: ComponentView; previousStatus: string; status: string; changedAt: Date }
);

// Rows as pg returns them: timestamptz columns are Dates.
interface ComponentRow {
  id: string;
  name: string;
  status: string;
  created_at: Date;
}
interface IncidentRow {
  id: string;
  name: string;
  status: string;
  impact: string;
  reported_at: Date;
  published_at: Date | null;
  updated_at: Date;
  resolved_at: Date | null;
}
interface UpdateRow {
  id: string;
  status: string;
  message: string;
  created_at: Date;
  edited_at: Date | null;
  component_statuses: { componentId: string; status: string }[] | null;
}
interface MaintenanceRow {
  id: string;
  title: string;
  description: string | null;
  status: string;
  scheduled_for: Date;
  scheduled_until: Date;
  started_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

async function componentsByIds(tx: EntityManager, ids: readonly string[]): Promise<ComponentView[]> {
  if (ids.length === 0) return [];
  const rows: ComponentRow[] = await tx.query(
    "SELECT id, name, status, created_at FROM component WHERE id = ANY($1::uuid[]) ORDER BY position, name",
    [ids],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, createdAt: r.created_at }));
}

/** The page's indicator and description now, as `statusPage` computes them. */
async function pageStatus(tx: EntityManager) {
  const [components, incidents, maintenance, organization] = await Promise.all([
    tx.query<{ status: ComponentStatus }[]>("SELECT status FROM component"),
    tx.getRepository(Incident).find({ where: { resolvedAt: IsNull(), publishedAt: Not(IsNull()) } }),
    tx.query<{ on: boolean }[]>(
      "SELECT EXISTS (SELECT 1 FROM scheduled_maintenance WHERE status = 'IN_PROGRESS') AS on",
    ),
    getOrganization(tx),
  ]);
  const updates: {
    incident_id: string;
    sequence: number;
    component_statuses: { componentId: string; status: ComponentStatus }[];
  }[] = incidents.length
    ? await tx.query(
        "SELECT incident_id, sequence, component_statuses FROM incident_update WHERE incident_id = ANY($1::uuid[]) ORDER BY sequence DESC",
        [incidents.map((i) => i.id)],
      )
    : [];
  const status = aggregateStatus({
    componentStatuses: components.map((c) => c.status),
    activeIncidentImpacts: incidents.map((i) =>
      publicImpactOf(
        i,
        updates
          .filter((u) => u.incident_id === i.id)
          .map((u) => ({ sequence: u.sequence, componentStatuses: u.component_statuses })),
      ),
    ),
    maintenanceInProgress: maintenance[0]?.on ?? false,
  });
  return { id: organization.id, name: organization.name, timezone: organization.timezone, ...status };
}

/** The event as subscribers read of it now; null when what it was about is gone. */
export async function loadEventContent(tx: EntityManager, event: PublicEvent): Promise<EventContent | null> {
  const page = await pageStatus(tx);
  const base = { eventId: event.eventId, page };
  switch (event.kind) {
    case "INCIDENT_PUBLISHED":
    case "INCIDENT_UPDATE": {
      const [incident]: IncidentRow[] = await tx.query(
        `SELECT id, coalesce(public_title, title) AS name, status, impact, reported_at, published_at, updated_at, resolved_at
           FROM incident WHERE id = $1 AND published_at IS NOT NULL`,
        [event.incidentId],
      );
      if (!incident) return null;
      const updateRows: UpdateRow[] = await tx.query(
        `SELECT id, status, message, created_at, edited_at, component_statuses FROM incident_update
          WHERE incident_id = $1 AND visibility = 'PUBLIC' ORDER BY sequence DESC`,
        [event.incidentId],
      );
      const updates: IncidentUpdateView[] = updateRows.map((u) => ({
        id: u.id,
        status: u.status,
        message: u.message,
        createdAt: u.created_at,
        editedAt: u.edited_at,
        componentStatuses: u.component_statuses ?? [],
      }));
      const update = updates.find((u) => u.id === event.updateId);
      if (!update) return null;
      const links: { component_id: string }[] = await tx.query(
        "SELECT component_id FROM incident_component WHERE incident_id = $1",
        [event.incidentId],
      );
      const components = await componentsByIds(
        tx,
        links.map((l) => l.component_id),
      );
      const monitoring = updates.filter((u) => u.status === "MONITORING").at(-1);
      return {
        ...base,
        kind: event.kind,
        componentIds: components.map((c) => c.id),
        incident: {
          id: incident.id,
          name: incident.name,
          status: incident.status,
          impact: incident.impact,
          createdAt: incident.published_at ?? incident.reported_at,
          updatedAt: incident.updated_at,
          resolvedAt: incident.resolved_at,
          monitoringAt: monitoring?.createdAt ?? null,
        },
        update,
        updates,
        components,
      };
    }
    case "COMPONENT_STATUS": {
      const [component] = await componentsByIds(tx, [event.componentId]);
      if (!component) return null;
      const [change]: { at: Date | null }[] = await tx.query(
        "SELECT max(changed_at) AS at FROM component_status_change WHERE component_id = $1",
        [event.componentId],
      );
      return {
        ...base,
        kind: event.kind,
        componentIds: [component.id],
        component,
        previousStatus: event.previousStatus,
        status: event.status,
        changedAt: change?.at ?? new Date(0),
      };
    }
    default: {
      const [m]: MaintenanceRow[] = await tx.query(
        `SELECT id, title, description, status, scheduled_for, scheduled_until, started_at, completed_at, cancelled_at,
                created_at, updated_at
           FROM scheduled_maintenance WHERE id = $1`,
        [event.maintenanceId],
      );
      if (!m) return null;
      const links: { component_id: string }[] = await tx.query(
        "SELECT component_id FROM scheduled_maintenance_component WHERE maintenance_id = $1",
        [event.maintenanceId],
      );
      const updateRows: Omit<UpdateRow, "edited_at" | "component_statuses">[] = await tx.query(
        "SELECT id, status, message, created_at FROM scheduled_maintenance_update WHERE maintenance_id = $1 ORDER BY created_at DESC",
        [event.maintenanceId],
      );
      const components = await componentsByIds(
        tx,
        links.map((l) => l.component_id),
      );
      return {
        ...base,
        kind: event.kind,
        componentIds: components.map((c) => c.id),
        maintenance: {
          id: m.id,
          name: m.title,
          description: m.description,
          status: m.status,
          scheduledFor: m.scheduled_for,
          scheduledUntil: m.scheduled_until,
          startedAt: m.started_at,
          completedAt: m.completed_at,
          cancelledAt: m.cancelled_at,
          createdAt: m.created_at,
          updatedAt: m.updated_at,
        },
        updates: updateRows.map((u) => ({
          id: u.id,
          status: u.status,
          message: u.message,
          createdAt: u.created_at,
        })),
        components,
      };
    }
  }
}
