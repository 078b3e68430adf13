import type { AccessRules } from "../../platform/access/audience.js";

/** Scheduled maintenance is announced on the public page. */
export const maintenanceAccess: AccessRules = {
  ScheduledMaintenance: {
    id: "PUBLIC",
    title: "PUBLIC",
    description: "PUBLIC",
    status: "PUBLIC",
    scheduledFor: "PUBLIC",
    scheduledUntil: "PUBLIC",
    startedAt: "PUBLIC",
    completedAt: "PUBLIC",
    cancelledAt: "PUBLIC",
    // Statuspage shows these publicly too; the contract types them non-null, so they cannot be hidden.
    autoStart: "PUBLIC",
    autoComplete: "PUBLIC",
    remindBeforeMinutes: "PUBLIC",
    createdAt: "PUBLIC",
    updatedAt: "PUBLIC",
    components: "PUBLIC",
    updates: "PUBLIC",
  },
  ScheduledMaintenanceUpdate: { id: "PUBLIC", status: "PUBLIC", message: "PUBLIC", createdAt: "PUBLIC" },
};
