import type { AccessRules } from "../../platform/access/audience.js";

/** Components and their uptime are the status page itself: public. */
export const componentsAccess: AccessRules = {
  Component: {
    id: "PUBLIC",
    name: "PUBLIC",
    description: "PUBLIC",
    group: "PUBLIC",
    status: "PUBLIC",
    position: "PUBLIC",
    createdAt: "PUBLIC",
    updatedAt: "PUBLIC",
    uptime: "PUBLIC",
  },
  UptimeDay: {
    date: "PUBLIC",
    uptime: "PUBLIC",
    countedMs: "PUBLIC",
    downtimeMs: "PUBLIC",
    majorOutageMs: "PUBLIC",
    partialOutageMs: "PUBLIC",
    degradedMs: "PUBLIC",
    maintenanceMs: "PUBLIC",
    worstStatus: "PUBLIC",
  },
};
