import type { EventContent, IncidentUpdateView } from "./event-content.js";

/** Statuspage's documentation of these payloads. */
const DOCUMENTATION = "https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/";

const lower = (v: string) => v.toLowerCase();
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const MAINTENANCE_STATUS: Record<string, string> = {
  SCHEDULED: "scheduled",
  IN_PROGRESS: "in_progress",
  COMPLETED: "completed",
  CANCELLED: "completed",
};

function incidentUpdate(
  incidentId: string,
  u: IncidentUpdateView,
  names: Map<string, string>,
  statusOf: Map<string, string>,
) {
  return {
    id: u.id,
    incident_id: incidentId,
    status: lower(u.status),
    body: u.message,
    created_at: iso(u.createdAt),
    updated_at: iso(u.editedAt ?? u.createdAt),
    display_at: iso(u.createdAt),
    affected_components: u.componentStatuses.map((c) => ({
      code: c.componentId,
      name: names.get(c.componentId) ?? c.componentId,
      old_status: lower(statusOf.get(c.componentId) ?? c.status),
      new_status: lower(c.status),
    })),
    deliver_notifications: true,
  };
}

const componentJson = (pageId: string, c: { id: string; name: string; status: string; createdAt: Date }) => ({
  id: c.id,
  page_id: pageId,
  name: c.name,
  status: lower(c.status),
  created_at: iso(c.createdAt),
});

/** The webhook body Statuspage sends for the event: `meta`, `page`, and `incident` or `component_update` + `component`. */
export function statuspagePayload(content: EventContent, links: { site: string; unsubscribe: string }) {
  const { page } = content;
  const head = {
    meta: { unsubscribe: links.unsubscribe, documentation: DOCUMENTATION },
    page: { id: page.id, status_indicator: lower(page.indicator), status_description: page.description },
  };
  switch (content.kind) {
    case "COMPONENT_STATUS":
      return {
        ...head,
        component_update: {
          id: content.eventId,
          component_id: content.component.id,
          created_at: iso(content.changedAt),
          old_status: lower(content.previousStatus),
          new_status: lower(content.status),
        },
        component: componentJson(page.id, content.component),
      };
    case "INCIDENT_PUBLISHED":
    case "INCIDENT_UPDATE": {
      const { incident } = content;
      const names = new Map(content.components.map((c) => [c.id, c.name]));
      const statusOf = new Map(content.components.map((c) => [c.id, c.status]));
      return {
        ...head,
        incident: {
          id: incident.id,
          page_id: page.id,
          name: incident.name,
          status: lower(incident.status),
          impact: lower(incident.impact),
          created_at: iso(incident.createdAt),
          updated_at: iso(incident.updatedAt),
          monitoring_at: iso(incident.monitoringAt),
          resolved_at: iso(incident.resolvedAt),
          shortlink: `${links.site}/incidents/${incident.id}`,
          scheduled_for: null,
          scheduled_until: null,
          incident_updates: content.updates.map((u) => incidentUpdate(incident.id, u, names, statusOf)),
          components: content.components.map((c) => componentJson(page.id, c)),
        },
      };
    }
    default: {
      const m = content.maintenance;
      return {
        ...head,
        incident: {
          id: m.id,
          page_id: page.id,
          name: m.name,
          status: MAINTENANCE_STATUS[m.status] ?? "scheduled",
          impact: "maintenance",
          created_at: iso(m.createdAt),
          updated_at: iso(m.updatedAt),
          monitoring_at: null,
          resolved_at: iso(m.completedAt),
          started_at: iso(m.startedAt),
          shortlink: `${links.site}/maintenance/${m.id}`,
          scheduled_for: iso(m.scheduledFor),
          scheduled_until: iso(m.scheduledUntil),
          incident_updates: content.updates.map((u) => ({
            id: u.id,
            incident_id: m.id,
            status: MAINTENANCE_STATUS[u.status] ?? "scheduled",
            body: u.message,
            created_at: iso(u.createdAt),
            updated_at: iso(u.createdAt),
            display_at: iso(u.createdAt),
            affected_components: [],
          })),
          components: content.components.map((c) => componentJson(page.id, c)),
        },
      };
    }
  }
}
