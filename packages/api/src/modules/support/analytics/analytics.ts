import { z } from "zod";
import { slaStats, workingMinutesBetween, type PrioritySlaStats, type SlaSample } from "@liaison/domain";
import { Ticket } from "../ticket.entity.js";
import { ValidationError, parseInput } from "../../../platform/errors.js";
import { STAFF_ROLES } from "../../../platform/access/roles.js";
import { requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { pausesOf } from "../sla/ticket-sla.js";

const Period = z.object({ from: z.date(), to: z.date() });

function period(rawFrom: unknown, rawTo: unknown) {
  const { from, to } = parseInput(Period, { from: rawFrom, to: rawTo }, "");
  if (to.getTime() <= from.getTime()) throw new ValidationError({ to: "must be after from" });
  return { from, to };
}

/** Working minutes from opening to the first response, not counting time spent waiting on the customer. */
function firstResponseMinutes(ticket: Ticket): number | null {
  const answered = ticket.firstRespondedAt;
  if (!answered) return null;
  const pauses = pausesOf(ticket)
    .filter((p) => p.from.getTime() < answered.getTime())
    .map((p) => ({ from: p.from, to: p.to && p.to.getTime() < answered.getTime() ? p.to : answered }));
  return workingMinutesBetween(ticket.slaSchedule, ticket.createdAt, answered, pauses);
}

/** Tickets opened in [from, to): per priority the count, median and p90 first response, target and share met. */
export async function slaReport(
  ctx: ServiceContext,
  rawFrom: unknown,
  rawTo: unknown,
): Promise<{ from: Date; to: Date; priorities: PrioritySlaStats[] }> {
  requireRole(ctx, ...STAFF_ROLES);
  const { from, to } = period(rawFrom, rawTo);
  const tickets = await ctx.db
    .getRepository(Ticket)
    .createQueryBuilder("t")
    .where("t.created_at >= :from AND t.created_at < :to", { from, to })
    .getMany();
  const samples: SlaSample[] = tickets.map((t) => ({
    priority: t.priority,
    firstResponseMinutes: firstResponseMinutes(t),
    targetMinutes: t.slaFirstResponseMinutes,
  }));
  return { from, to, priorities: slaStats(samples) };
}

export type IncidentMetrics = {
  from: Date;
  to: Date;
  count: number;
  acknowledged: number;
  resolved: number;
  /** Mean minutes from report to the first sign of a responder (an update or the impact assessment). */
  mttaMinutes: number | null;
  /** Mean minutes from report to resolution, over resolved incidents. */
  mttrMinutes: number | null;
};

/** MTTA and MTTR of the incidents reported in [from, to). */
export async function incidentMetrics(ctx: ServiceContext, rawFrom: unknown, rawTo: unknown): Promise<IncidentMetrics> {
  requireRole(ctx, ...STAFF_ROLES);
  const { from, to } = period(rawFrom, rawTo);
  const rows: { count: string; acknowledged: string; resolved: string; mtta: number | null; mttr: number | null }[] =
    await ctx.db.query(
      `WITH i AS (
         SELECT i.reported_at, i.resolved_at,
                LEAST(i.impact_assessed_at, (SELECT min(u.created_at) FROM incident_update u WHERE u.incident_id = i.id)) AS acked_at
           FROM incident i WHERE i.reported_at >= $1 AND i.reported_at < $2)
       SELECT count(*) AS count, count(acked_at) AS acknowledged, count(resolved_at) AS resolved,
              avg(extract(epoch FROM acked_at - reported_at) / 60)::float8 AS mtta,
              avg(extract(epoch FROM resolved_at - reported_at) / 60)::float8 AS mttr
         FROM i`,
      [from, to],
    );
  const r = rows[0]!;
  return {
    from,
    to,
    count: Number(r.count),
    acknowledged: Number(r.acknowledged),
    resolved: Number(r.resolved),
    mttaMinutes: r.mtta,
    mttrMinutes: r.mttr,
  };
}
