import type { AccessRules } from "../../platform/access/audience.js";

/**
 * The public view of an incident is what the status page shows: its name, state, components,
 * PUBLIC updates (filtered in `updates`) and reports. How it is run — who leads it, the bridge,
 * the cadence, the internal description — is for staff.
 */
export const incidentsAccess: AccessRules = {
  Incident: {
    id: "PUBLIC",
    number: "PUBLIC",
    title: "PUBLIC",
    status: "PUBLIC",
    severity: "PUBLIC",
    impact: "PUBLIC",
    isMajor: "PUBLIC",
    reportedAt: "PUBLIC",
    resolvedAt: "PUBLIC",
    createdAt: "PUBLIC",
    updatedAt: "PUBLIC",
    components: "PUBLIC",
    updates: "PUBLIC",
    reports: "PUBLIC",
    source: "PUBLIC",
    description: "STAFF",
    commander: "STAFF",
    liaison: "STAFF",
    conferenceBridge: "STAFF",
    customersAffected: "STAFF",
    cadence: "STAFF",
    cadenceCompliance: "STAFF",
  },
  IncidentUpdate: {
    id: "PUBLIC",
    sequence: "PUBLIC",
    status: "PUBLIC",
    message: "PUBLIC",
    visibility: "PUBLIC",
    componentStatuses: "PUBLIC",
    createdAt: "PUBLIC",
  },
  ComponentStatusSnapshot: { componentId: "PUBLIC", status: "PUBLIC" },
  IncidentReport: {
    id: "PUBLIC",
    kind: "PUBLIC",
    summary: "PUBLIC",
    rootCause: "PUBLIC",
    actionItems: "PUBLIC",
    publishedAt: "PUBLIC",
  },
};
