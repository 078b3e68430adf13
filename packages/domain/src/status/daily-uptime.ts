import { DateTime } from "luxon";
import type { ComponentStatus } from "./status-vocabulary.js";
import { compareComponentStatus } from "./worst-component-status.js";

/** Like Statuspage: a partial outage costs 30% of the time it lasts, a major outage all of it. */
export const PARTIAL_OUTAGE_WEIGHT = 0.3;

export interface UptimeDay {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  /** Share of the counted time the component was up, 0–1; null when nothing was counted that day. */
  uptime: number | null;
  /** Time with a known status outside maintenance (today: up to now). */
  countedMs: number;
  /** Weighted downtime: major outage time plus 30% of partial outage time. */
  downtimeMs: number;
  majorOutageMs: number;
  partialOutageMs: number;
  degradedMs: number;
  /** Time inside a maintenance window or under maintenance: counted neither as up nor as down. */
  maintenanceMs: number;
  /** The worst status shown outside maintenance; null when nothing was counted. */
  worstStatus: ComponentStatus | null;
}

export interface DailyUptimeInput {
  /** Status changes up to `now`, including the last one before the first day; any order. */
  changes: readonly { at: Date; status: ComponentStatus }[];
  /** Maintenance windows (as they actually ran) that covered the component. */
  maintenance: readonly { from: Date; to: Date }[];
  now: Date;
  days: number;
  timezone: string;
}

interface Interval {
  from: number;
  to: number;
}

function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ ...i });
  }
  return out;
}

function overlap(from: number, to: number, windows: readonly Interval[]): number {
  let total = 0;
  for (const w of windows) total += Math.max(0, Math.min(to, w.to) - Math.max(from, w.from));
  return total;
}

/**
 * Per-day uptime of one component over the last `days` local days (today last), from its status history.
 * Time before the first recorded status has no data; scheduled maintenance counts neither way.
 */
export function dailyUptime(input: DailyUptimeInput): UptimeDay[] {
  const now = input.now.getTime();
  const changes = [...input.changes]
    .filter((c) => c.at.getTime() <= now)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const segments = changes.map((c, i) => ({
    from: c.at.getTime(),
    to: i + 1 < changes.length ? changes[i + 1]!.at.getTime() : now,
    status: c.status,
  }));
  const maintenance = merge(input.maintenance.map((m) => ({ from: m.from.getTime(), to: m.to.getTime() })));
  const today = DateTime.fromJSDate(input.now, { zone: input.timezone }).startOf("day");
  if (!today.isValid) throw new RangeError(`unknown time zone "${input.timezone}"`);

  const result: UptimeDay[] = [];
  for (let back = input.days - 1; back >= 0; back--) {
    const start = today.minus({ days: back });
    const dayFrom = start.toMillis();
    const dayTo = Math.min(start.plus({ days: 1 }).toMillis(), now);
    const day: UptimeDay = {
      date: start.toISODate(),
      uptime: null,
      countedMs: 0,
      downtimeMs: 0,
      majorOutageMs: 0,
      partialOutageMs: 0,
      degradedMs: 0,
      maintenanceMs: 0,
      worstStatus: null,
    };
    for (const s of segments) {
      const from = Math.max(s.from, dayFrom);
      const to = Math.min(s.to, dayTo);
      if (to <= from) continue;
      const planned = s.status === "UNDER_MAINTENANCE" ? to - from : overlap(from, to, maintenance);
      day.maintenanceMs += planned;
      const counted = to - from - planned;
      if (counted <= 0) continue;
      day.countedMs += counted;
      if (s.status === "MAJOR_OUTAGE") day.majorOutageMs += counted;
      if (s.status === "PARTIAL_OUTAGE") day.partialOutageMs += counted;
      if (s.status === "DEGRADED_PERFORMANCE") day.degradedMs += counted;
      if (day.worstStatus === null || compareComponentStatus(s.status, day.worstStatus) > 0) day.worstStatus = s.status;
    }
    if (day.countedMs > 0) {
      day.downtimeMs = Math.round(day.majorOutageMs + PARTIAL_OUTAGE_WEIGHT * day.partialOutageMs);
      day.uptime = Math.max(0, (day.countedMs - day.downtimeMs) / day.countedMs);
    }
    result.push(day);
  }
  return result;
}
