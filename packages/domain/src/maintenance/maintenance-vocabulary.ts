// A scheduled maintenance window moves SCHEDULED → IN_PROGRESS → COMPLETED, or SCHEDULED → CANCELLED.
export const MAINTENANCE_STATUSES = ["SCHEDULED", "IN_PROGRESS", "COMPLETED", "CANCELLED"] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

export const MAINTENANCE_ACTIONS = ["UPDATE", "START", "COMPLETE", "CANCEL"] as const;
export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];
