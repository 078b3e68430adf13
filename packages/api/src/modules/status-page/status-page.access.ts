import type { AccessRules } from "../../platform/access/audience.js";

export const statusPageAccess: AccessRules = {
  StatusPage: {
    id: "PUBLIC",
    name: "PUBLIC",
    timeZone: "PUBLIC",
    indicator: "PUBLIC",
    description: "PUBLIC",
    components: "PUBLIC",
    activeIncidents: "PUBLIC",
    scheduledMaintenances: "PUBLIC",
    updatedAt: "PUBLIC",
  },
};
