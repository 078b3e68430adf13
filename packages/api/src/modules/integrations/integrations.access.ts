import type { AccessRules } from "../../platform/access/audience.js";

/**
 * Services, integrations, alerts and change events are read by staff only (their root fields say so).
 * `Incident.recentChanges` is this module's field on a type customers and anonymous readers reach.
 */
export const integrationsAccess: AccessRules = {
  Incident: { recentChanges: "STAFF" },
  ChangeEvent: {
    id: "STAFF",
    summary: "STAFF",
    source: "STAFF",
    timestamp: "STAFF",
    customDetails: "STAFF",
    links: "STAFF",
    receivedAt: "STAFF",
    service: "STAFF",
  },
  ChangeEventLink: { href: "STAFF", text: "STAFF" },
};
