import { adminLoaders } from "../admin/index.js";
import { z } from "zod";
import { dailyUptime, type ComponentStatus, type UptimeDay } from "@liaison/domain";
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { parseInput } from "../../platform/errors.js";
import { perProcess, perRequest, type Invalidatable, type ServiceContext } from "../../platform/context.js";

export const UptimeDays = z.number().int().min(1, "must be at least 1").max(366, "must be at most 366");

const DAY_MS = 86_400_000;

interface Key {
  componentId: string;
  days: number;
}

/**
 * Uptime of many components with three queries: their status history in the window (plus the status each
 * had when it opened) and the maintenance windows that covered them, as they actually ran.
 */
async function loadUptime(db: DataSource, keys: readonly Key[], now: Date, timezone: string): Promise<UptimeDay[][]> {
  const ids = [...new Set(keys.map((k) => k.componentId))];
  const longest = Math.max(...keys.map((k) => k.days));
  // A day of margin either side: local days do not start at UTC midnight.
  const since = new Date(now.getTime() - (longest + 1) * DAY_MS);
  const [inWindow, opening, maintenance] = await Promise.all([
    db.query<{ component_id: string; status: ComponentStatus; changed_at: Date }[]>(
      `SELECT component_id, status, changed_at FROM component_status_change
        WHERE component_id = ANY($1::uuid[]) AND changed_at >= $2 AND changed_at <= $3`,
      [ids, since, now],
    ),
    db.query<{ component_id: string; status: ComponentStatus; changed_at: Date }[]>(
      `SELECT DISTINCT ON (component_id) component_id, status, changed_at FROM component_status_change
        WHERE component_id = ANY($1::uuid[]) AND changed_at < $2
        ORDER BY component_id, changed_at DESC, id DESC`,
      [ids, since],
    ),
    db.query<{ component_id: string; started_at: Date; ended_at: Date }[]>(
      `SELECT smc.component_id, m.started_at, COALESCE(m.completed_at, $3) AS ended_at
         FROM scheduled_maintenance m JOIN scheduled_maintenance_component smc ON smc.maintenance_id = m.id
        WHERE smc.component_id = ANY($1::uuid[]) AND m.started_at IS NOT NULL
          AND COALESCE(m.completed_at, $3) >= $2`,
      [ids, since, now],
    ),
  ]);
  return keys.map((key) =>
    dailyUptime({
      changes: [...opening, ...inWindow]
        .filter((r) => r.component_id === key.componentId)
        .map((r) => ({ at: new Date(r.changed_at), status: r.status })),
      maintenance: maintenance
        .filter((r) => r.component_id === key.componentId)
        .map((r) => ({ from: new Date(r.started_at), to: new Date(r.ended_at) })),
      now,
      days: key.days,
      timezone,
    }),
  );
}

const MAX_DAYS = 366;
/** "Today so far" moves with the clock: after this long the last two days are recomputed, even without a change. */
const FRESH_MS = 60_000;

const localDates = new Map<string, Intl.DateTimeFormat>();
function localDate(at: Date, timezone: string): string {
  let format = localDates.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    localDates.set(timezone, format);
  }
  return format.format(at);
}

interface Series {
  timezone: string;
  computedAt: number;
  length: number;
  days: Promise<UptimeDay[]>;
}

/**
 * Uptime per component and day changes only when statuses or maintenance change: each process keeps one
 * series per component (as long as the longest asked for), shared by every reader and dropped on every
 * status-page or incident change, like the status page. Past days stay; only the last two are recomputed
 * once a minute (today so far, and the day that just ended when midnight passed).
 */
export class UptimeCache implements Invalidatable {
  private series = new Map<string, Series>();

  constructor(private readonly db: DataSource) {}

  days(keys: readonly Key[], now: Date, timezone: string): Promise<UptimeDay[]>[] {
    const needed = new Map<string, number>();
    for (const k of keys) needed.set(k.componentId, Math.max(needed.get(k.componentId) ?? 0, k.days));
    const full: Key[] = [];
    const tails: { componentId: string; old: Series }[] = [];
    for (const [componentId, days] of needed) {
      const hit = this.series.get(componentId);
      const age = hit ? now.getTime() - hit.computedAt : 0;
      // Two recomputed days bridge at most one midnight: older than a day (or from the future), start over.
      if (!hit || hit.timezone !== timezone || hit.length < days || age < 0 || age >= DAY_MS)
        full.push({ componentId, days: Math.max(days, hit?.timezone === timezone ? hit.length : 0) });
      else if (age >= FRESH_MS || localDate(new Date(hit.computedAt), timezone) !== localDate(now, timezone))
        tails.push({ componentId, old: hit });
    }
    if (this.series.size > 10_000) this.series.clear();
    if (full.length > 0) {
      const loading = loadUptime(this.db, full, now, timezone);
      full.forEach((k, i) =>
        this.keep(k.componentId, {
          timezone,
          computedAt: now.getTime(),
          length: k.days,
          days: loading.then((all) => all[i]!),
        }),
      );
    }
    if (tails.length > 0) {
      const loading = loadUptime(
        this.db,
        tails.map((t) => ({ componentId: t.componentId, days: 2 })),
        now,
        timezone,
      );
      tails.forEach(({ componentId, old }, i) => {
        const days = Promise.all([old.days, loading]).then(([before, all]) => {
          const tail = all[i]!;
          return [...before.filter((d) => d.date < tail[0]!.date), ...tail].slice(-old.length);
        });
        this.keep(componentId, { ...old, computedAt: now.getTime(), days });
      });
    }
    return keys.map((k) => this.series.get(k.componentId)!.days.then((all) => all.slice(-k.days)));
  }

  private keep(componentId: string, entry: Series): void {
    this.series.set(componentId, entry);
    entry.days.catch(() => {
      if (this.series.get(componentId) === entry) this.series.delete(componentId);
    });
  }

  invalidate(): void {
    this.series.clear();
  }
}

const uptimeCache = perProcess(Symbol("uptime"), (app) => new UptimeCache(app.db));

const uptimeLoader = perRequest(
  Symbol("uptime loader"),
  (ctx) =>
    new DataLoader<Key, UptimeDay[], string>(
      async (keys) => {
        const org = await adminLoaders(ctx).organization();
        return Promise.all(uptimeCache(ctx).days(keys, ctx.clock.now(), org.timezone));
      },
      { cacheKeyFn: (k) => `${k.componentId}:${k.days}` },
    ),
);

/** What `uptime(days)` costs a query: one entry per day, each as dear as the fields asked of it. */
export function uptimeCost(days: unknown, childCost: number): number {
  const n = typeof days === "number" && Number.isFinite(days) ? Math.min(Math.max(days, 1), MAX_DAYS) : 90;
  return 1 + n * Math.max(1, childCost);
}

/** Per-day uptime of a component over the last `days` days of the organization's time zone, today last. */
export async function componentUptime(
  ctx: ServiceContext,
  componentId: string,
  rawDays: unknown,
): Promise<UptimeDay[]> {
  const days = parseInput(UptimeDays, rawDays, "days");
  return uptimeLoader(ctx).load({ componentId, days });
}
