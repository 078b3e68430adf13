import { adminLoaders } from "../admin/index.js";
import { z } from "zod";
import { dailyUptime, type ComponentStatus, type UptimeDay } from "@liaison/domain";
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { parseInput } from "../../platform/errors.js";
import { perRequest, type ServiceContext } from "../../platform/context.js";

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

const uptimeLoader = perRequest(
  Symbol("uptime loader"),
  (ctx) =>
    new DataLoader<Key, UptimeDay[], string>(
      async (keys) => {
        const org = await adminLoaders(ctx).organization();
        return loadUptime(ctx.db, keys, ctx.clock.now(), org.timezone);
      },
      { cacheKeyFn: (k) => `${k.componentId}:${k.days}` },
    ),
);

/** Per-day uptime of a component over the last `days` days of the organization's time zone, today last. */
export async function componentUptime(
  ctx: ServiceContext,
  componentId: string,
  rawDays: unknown,
): Promise<UptimeDay[]> {
  const days = parseInput(UptimeDays, rawDays, "days");
  return uptimeLoader(ctx).load({ componentId, days });
}
