import { whoIsOnCall } from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { loadSchedules } from "./oncall.js";

/**
 * Who is on duty as Customer Liaison at an instant. The organization's roster is
 * the first implementation; on-call schedules replace it behind this interface.
 */
export interface LiaisonRoster {
  onDutyLiaison(tx: EntityManager, at: Date): Promise<string | null>;
}

/**
 * The admin-maintained roster: among the listed users, the one carrying the
 * fewest unresolved major incidents, ties broken by roster order.
 */
export const organizationRoster: LiaisonRoster = {
  async onDutyLiaison(tx) {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT r.user_id
         FROM organization o,
              unnest(o.liaison_user_ids) WITH ORDINALITY AS r(user_id, ord)
         JOIN app_user u ON u.id = r.user_id
        GROUP BY r.user_id, r.ord
        ORDER BY (SELECT count(*) FROM incident i
                   WHERE i.liaison_id = r.user_id AND i.resolved_at IS NULL
                     AND i.severity IN ('SEV1','SEV2')), r.ord
        LIMIT 1`,
    );
    return rows[0]?.user_id ?? null;
  },
};

/**
 * The liaison schedule the organization names: whoever it has on call. Without a schedule, or
 * in a gap of it, the organization's roster answers.
 */
export function scheduleRoster(fallback: LiaisonRoster = organizationRoster): LiaisonRoster {
  return {
    async onDutyLiaison(tx, at) {
      const rows: { liaison_schedule_id: string | null }[] = await tx.query(
        "SELECT liaison_schedule_id FROM organization LIMIT 1",
      );
      const scheduleId = rows[0]?.liaison_schedule_id;
      if (scheduleId) {
        const schedule = (await loadSchedules(tx, [scheduleId])).get(scheduleId);
        const who = schedule ? whoIsOnCall(schedule, at) : null;
        if (who) return who.userId;
      }
      return fallback.onDutyLiaison(tx, at);
    },
  };
}
