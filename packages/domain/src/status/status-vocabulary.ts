// The contract's status-page enums; Statuspage's JSON spells them in lowercase (see toStatuspageValue).

export const COMPONENT_STATUSES = [
  "OPERATIONAL",
  "DEGRADED_PERFORMANCE",
  "PARTIAL_OUTAGE",
  "MAJOR_OUTAGE",
  "UNDER_MAINTENANCE",
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export const STATUS_INDICATORS = ["NONE", "MINOR", "MAJOR", "CRITICAL", "MAINTENANCE"] as const;
export type StatusIndicator = (typeof STATUS_INDICATORS)[number];
