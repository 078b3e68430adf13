import { z } from "zod";
import {
  CADENCE_OBLIGATIONS,
  cadenceCompliance,
  complianceSummary,
  summarizeCompliance,
  type CadenceInput,
  type CadenceObligation,
  type ComplianceSummary,
  type ObligationInstance,
} from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { Incident } from "../incident.entity.js";
import type { Organization } from "../../admin/index.js";
import { ValidationError, parseInput } from "../../../platform/errors.js";
import { STAFF_ROLES } from "../../../platform/access/roles.js";
import { requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { calendarOf, getOrganization } from "../../admin/index.js";

/** What the cadence rules need to know about each incident, loaded in two queries. */
export async function cadenceInputs(
  db: EntityManager,
  incidents: readonly Incident[],
  org: Organization,
): Promise<Map<string, CadenceInput>> {
  const ids = incidents.map((i) => i.id);
  if (ids.length === 0) return new Map();
  const updates: { incident_id: string; created_at: Date }[] = await db.query(
    `SELECT incident_id, created_at FROM incident_update
      WHERE incident_id = ANY($1::uuid[]) AND visibility = 'PUBLIC' ORDER BY created_at`,
    [ids],
  );
  const reports: { incident_id: string; kind: string; published_at: Date }[] = await db.query(
    "SELECT incident_id, kind, published_at FROM incident_report WHERE incident_id = ANY($1::uuid[])",
    [ids],
  );
  const calendar = calendarOf(org);
  return new Map(
    incidents.map((i) => {
      const published = (kind: string) =>
        reports.find((r) => r.incident_id === i.id && r.kind === kind)?.published_at ?? null;
      return [
        i.id,
        {
          reportedAt: i.reportedAt,
          impactAssessedAt: i.impactAssessedAt,
          publicUpdateTimes: updates.filter((u) => u.incident_id === i.id).map((u) => u.created_at),
          resolvedAt: i.resolvedAt,
          preliminaryPublishedAt: published("PRELIMINARY"),
          postIncidentPublishedAt: published("POST_INCIDENT"),
          calendar,
        },
      ];
    }),
  );
}

export async function incidentCompliance(
  db: EntityManager,
  incident: Incident,
  now: Date,
): Promise<ObligationInstance[]> {
  const org = await getOrganization(db);
  const input = (await cadenceInputs(db, [incident], org)).get(incident.id)!;
  return cadenceCompliance(input, now);
}

export type ComplianceReport = {
  from: Date;
  to: Date;
  obligations: (ComplianceSummary & { obligation: CadenceObligation })[];
  overall: ComplianceSummary;
};

/** Obligations that fell due in [from, to), judged now: the share met, by obligation. */
export async function cadenceComplianceReport(
  ctx: ServiceContext,
  rawFrom: unknown,
  rawTo: unknown,
): Promise<ComplianceReport> {
  requireRole(ctx, ...STAFF_ROLES);
  const { from, to } = parseInput(z.object({ from: z.date(), to: z.date() }), { from: rawFrom, to: rawTo }, "");
  if (to.getTime() <= from.getTime()) throw new ValidationError({ to: "must be after from" });
  const db = ctx.db.manager;
  const org = await getOrganization(db);
  // Reports fall due within days of resolution, so older resolved incidents cannot have obligations in range.
  const incidents = await db
    .getRepository(Incident)
    .createQueryBuilder("i")
    .where("i.reported_at < :to", { to })
    .andWhere("(i.resolved_at IS NULL OR i.resolved_at >= :since)", {
      since: new Date(from.getTime() - 60 * 86_400_000),
    })
    .getMany();
  const inputs = await cadenceInputs(db, incidents, org);
  const now = ctx.clock.now();
  const instances = incidents
    .flatMap((i) => cadenceCompliance(inputs.get(i.id)!, now))
    .filter((x) => x.dueAt.getTime() >= from.getTime() && x.dueAt.getTime() < to.getTime());
  const byObligation = summarizeCompliance(instances);
  return {
    from,
    to,
    obligations: CADENCE_OBLIGATIONS.map((obligation) => ({ obligation, ...byObligation[obligation] })),
    overall: complianceSummary(instances),
  };
}

export async function incidentComplianceOf(ctx: ServiceContext, incident: Incident): Promise<ObligationInstance[]> {
  return incidentCompliance(ctx.db.manager, incident, ctx.clock.now());
}
