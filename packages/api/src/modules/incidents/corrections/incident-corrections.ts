import { Incident } from "../incident.entity.js";
import { IncidentReport, IncidentUpdate } from "../incident-update.entity.js";
import { IncidentReportRevision, IncidentUpdateRevision } from "./incident-revision.entity.js";
import { EditStatusUpdateInput, ReviseIncidentReportInput } from "./incident-corrections.types.js";
import { NotFoundError, parseInput } from "../../../platform/errors.js";
import { RefId, isId, requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { INCIDENT_WRITERS } from "../incident.enums.js";
import { finish, lockIncident } from "../incidents.js";

const sameItems = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Corrects a status update's text, keeping the text it replaces. Nobody is notified again: the
 * update was announced once, and the page shows it as edited. Cadence is untouched (a correction
 * is not a new update). A resolved incident's updates may still be corrected.
 */
export async function editStatusUpdate(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<IncidentUpdate> {
  requireRole(ctx, ...INCIDENT_WRITERS);
  const id = parseInput(RefId, rawId, "updateId");
  const input = parseInput(EditStatusUpdateInput.schema, raw);
  return finish(ctx, async (tx) => {
    const found = isId(id) ? await tx.getRepository(IncidentUpdate).findOneBy({ id }) : null;
    if (!found) throw new NotFoundError("Status update", id);
    // The incident's lock first, as posting takes it: corrections and new updates of one incident queue up.
    const incident = await lockIncident(tx, found.incidentId);
    const update = await tx.getRepository(IncidentUpdate).findOneByOrFail({ id });
    if (update.message === input.message) return update;
    const now = ctx.clock.now();
    await tx.getRepository(IncidentUpdateRevision).insert({
      updateId: id,
      message: update.message,
      editedAt: now,
      editedById: ctx.viewer?.userId ?? null,
    });
    await tx.getRepository(IncidentUpdate).update(id, { message: input.message, editedAt: now });
    await tx.getRepository(Incident).update(incident.id, { updatedAt: now });
    await ctx.bus.publish(tx, { kind: "incident", incidentId: incident.id, visibility: update.visibility });
    if (update.visibility === "PUBLIC") await ctx.bus.publish(tx, { kind: "status-page" });
    return Object.assign(update, { message: input.message, editedAt: now });
  });
}

/** Revises a published report, keeping the version it replaces; the obligations it met stay met. */
export async function reviseIncidentReport(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<IncidentReport> {
  requireRole(ctx, ...INCIDENT_WRITERS);
  const id = parseInput(RefId, rawId, "reportId");
  const input = parseInput(ReviseIncidentReportInput.schema, raw);
  return finish(ctx, async (tx) => {
    const found = isId(id) ? await tx.getRepository(IncidentReport).findOneBy({ id }) : null;
    if (!found) throw new NotFoundError("Incident report", id);
    const incident = await lockIncident(tx, found.incidentId);
    const report = await tx.getRepository(IncidentReport).findOneByOrFail({ id });
    const next = {
      summary: input.summary,
      rootCause: input.rootCause === undefined ? report.rootCause : input.rootCause,
      actionItems: input.actionItems ?? report.actionItems,
    };
    if (
      next.summary === report.summary &&
      next.rootCause === report.rootCause &&
      sameItems(next.actionItems, report.actionItems)
    )
      return report;
    const now = ctx.clock.now();
    await tx.getRepository(IncidentReportRevision).insert({
      reportId: id,
      summary: report.summary,
      rootCause: report.rootCause,
      actionItems: report.actionItems,
      revisedAt: now,
      revisedById: ctx.viewer?.userId ?? null,
    });
    await tx.getRepository(IncidentReport).update(id, { ...next, revisedAt: now });
    await tx.getRepository(Incident).update(incident.id, { updatedAt: now });
    await ctx.bus.publish(tx, { kind: "incident", incidentId: incident.id, visibility: "PUBLIC" });
    await ctx.bus.publish(tx, { kind: "status-page" });
    return Object.assign(report, next, { revisedAt: now });
  });
}
