const INCIDENT = `fragment IncidentFields on Incident {
  id number title status impact reportedAt resolvedAt createdAt updatedAt
  components { id name }
  updates { id status message createdAt editedAt componentStatuses { componentId status } }
  reports { id kind summary rootCause actionItems publishedAt revisedAt }
}`;

const MAINTENANCE = `fragment MaintenanceFields on ScheduledMaintenance {
  id title description status scheduledFor scheduledUntil startedAt completedAt cancelledAt createdAt updatedAt
  components { id name }
  updates { id status message createdAt }
}`;

export const UPTIME_DAYS = 90;

export const SNAPSHOT_QUERY = `query StatusSnapshot {
  statusPage {
    id name timeZone indicator description updatedAt
    components {
      id name description group position status createdAt updatedAt
      uptime(days: ${UPTIME_DAYS}) {
        date uptime countedMs downtimeMs majorOutageMs partialOutageMs degradedMs maintenanceMs worstStatus
      }
    }
    activeIncidents { ...IncidentFields }
    scheduledMaintenances { ...MaintenanceFields }
  }
  incidents(first: 50) { edges { node { ...IncidentFields } } }
  scheduledMaintenances(first: 50) { edges { node { ...MaintenanceFields } } }
}
${INCIDENT}
${MAINTENANCE}`;

export const INCIDENT_QUERY = `query Incident($id: ID!) { incident(id: $id) { ...IncidentFields } }
${INCIDENT}`;

export const MAINTENANCE_QUERY = `query Maintenance($id: ID!) { scheduledMaintenance(id: $id) { ...MaintenanceFields } }
${MAINTENANCE}`;

export const MONTH_QUERY = `query Month($after: DateTime!, $before: DateTime!) {
  incidents(first: 100, filter: { reportedAfter: $after, reportedBefore: $before }) {
    edges { node { ...IncidentFields } }
    pageInfo { hasNextPage }
  }
  scheduledMaintenances(first: 100, filter: { scheduledAfter: $after, scheduledBefore: $before }) {
    edges { node { ...MaintenanceFields } }
  }
}
${INCIDENT}
${MAINTENANCE}`;

/** The site's one standing subscription: any public change. */
export const CHANGES_SUBSCRIPTION = `subscription { statusPageChanged { updatedAt } }`;
