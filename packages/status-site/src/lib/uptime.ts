import type { UptimeDay } from "./types.js";

export type DayKind = "no-data" | "maintenance" | "ok" | "degraded" | "partial" | "major";

/** How a day of the uptime bar reads: worst trouble outside maintenance, else what was there. */
export function dayKind(day: UptimeDay): DayKind {
  if (day.countedMs === 0) return day.maintenanceMs > 0 ? "maintenance" : "no-data";
  if (day.majorOutageMs > 0) return "major";
  if (day.partialOutageMs > 0) return "partial";
  if (day.degradedMs > 0) return "degraded";
  return day.maintenanceMs > 0 ? "maintenance" : "ok";
}

export const DAY_KIND_LABEL: Record<DayKind, string> = {
  "no-data": "No data",
  maintenance: "Scheduled maintenance",
  ok: "No incidents",
  degraded: "Degraded performance",
  partial: "Partial outage",
  major: "Major outage",
};

/** Overall uptime of the period: one share over all counted time, null with no data at all. */
export function overallUptime(days: UptimeDay[]): number | null {
  const counted = days.reduce((s, d) => s + d.countedMs, 0);
  if (counted === 0) return null;
  const down = days.reduce((s, d) => s + d.downtimeMs, 0);
  return Math.max(0, (counted - down) / counted);
}
