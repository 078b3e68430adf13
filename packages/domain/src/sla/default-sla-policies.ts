import { MONDAY_TO_FRIDAY } from "../time/iso-weekday.js";
import type { SlaPolicy, SlaSchedule } from "./sla-policy.js";
import type { TicketPriority } from "./ticket-priority.js";

/** Monday to Friday, 09:00–17:00 UTC: 8 working hours a day until an account sets its own. */
export const DEFAULT_SLA_BUSINESS_HOURS: SlaSchedule = {
  kind: "BUSINESS_HOURS",
  timezone: "UTC",
  weekly: MONDAY_TO_FRIDAY.map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
  holidays: [],
};

/**
 * P1/P2 keep the seed's 2-hour first-response SLA around the clock; a P1 gets hourly follow-ups,
 * a P2 one every 4 hours. P3/P4 run on business hours: P3 within 1 business day (480 min),
 * follow-up within 2 (960); P4 within 2 business days (960), follow-up within 5 (2400).
 */
export const DEFAULT_SLA_POLICIES: Readonly<Record<TicketPriority, SlaPolicy>> = {
  P1: { priority: "P1", firstResponseMinutes: 120, nextResponseMinutes: 60, schedule: { kind: "24x7" } },
  P2: { priority: "P2", firstResponseMinutes: 120, nextResponseMinutes: 240, schedule: { kind: "24x7" } },
  P3: { priority: "P3", firstResponseMinutes: 480, nextResponseMinutes: 960, schedule: DEFAULT_SLA_BUSINESS_HOURS },
  P4: { priority: "P4", firstResponseMinutes: 960, nextResponseMinutes: 2400, schedule: DEFAULT_SLA_BUSINESS_HOURS },
};
