import { z } from "zod";
import {
  UTC_CALENDAR,
  computeCadence,
  publicNameOf,
  renderTemplate,
  type IncidentStatus,
  type UpdateVisibility,
} from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { getOrganization } from "../../admin/index.js";
import { NotFoundError, ValidationError, parseInput } from "../../../platform/errors.js";
import { LIMITS, RefId, Text, isId } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Incident } from "../incident.entity.js";
import { IncidentTemplate } from "./incident-template.entity.js";

export async function templateOrFail(db: EntityManager, id: string): Promise<IncidentTemplate> {
  const template = isId(id) ? await db.getRepository(IncidentTemplate).findOneBy({ id }) : null;
  if (!template) throw new NotFoundError("Incident template", id);
  return template;
}

const required = (template: IncidentTemplate | null) =>
  template ? "is required: neither the input nor the template gives one" : "is required";

function requireGiven(values: Record<string, unknown>, template: IncidentTemplate | null): void {
  const missing = Object.entries(values).filter(([, v]) => v === null || v === undefined || v === "");
  if (missing.length) throw new ValidationError(Object.fromEntries(missing.map(([k]) => [k, required(template)])));
}

/** `reportIncident`'s input with the title, severity and components it leaves out taken from its template. */
export async function reportInputWithTemplate(ctx: ServiceContext, raw: unknown): Promise<unknown> {
  const { templateId } = parseInput(z.object({ templateId: RefId.nullish() }), raw);
  const template = templateId ? await templateOrFail(ctx.db.manager, templateId) : null;
  const given = raw as { title?: unknown; severity?: unknown; componentIds?: unknown };
  const filled = {
    ...given,
    title: given.title ?? template?.title,
    severity: given.severity ?? template?.severity,
    componentIds: given.componentIds ?? template?.componentIds,
  };
  requireGiven({ "input.title": filled.title, "input.severity": filled.severity }, template);
  return filled;
}

/** Fills the placeholders of `text` for this incident; refuses (naming `field`) rather than publish a broken text. */
async function render(
  tx: EntityManager,
  incident: Incident,
  text: string,
  nextUpdateDueAt: Date | null,
  now: Date,
  field: string,
  max: number,
): Promise<string> {
  const org = await getOrganization(tx);
  const components: { name: string }[] = await tx.query(
    `SELECT c.name FROM incident_component ic JOIN component c ON c.id = ic.component_id
      WHERE ic.incident_id = $1 ORDER BY c.position, c.name`,
    [incident.id],
  );
  const rendered = renderTemplate(text, {
    incidentTitle: publicNameOf(incident),
    componentNames: components.map((c) => c.name),
    nextUpdateDueAt,
    timezone: org.timezone,
    now,
  });
  if (!rendered.ok) throw new ValidationError({ [field]: rendered.message });
  return parseInput(Text(max), rendered.text, field);
}

/**
 * A status update's message and visibility: as given, else from its template. With a template the
 * placeholders are filled in the message either way (a client may prefill its form with the template's text).
 */
export async function updateWords(
  tx: EntityManager,
  incident: Incident,
  input: {
    status: IncidentStatus;
    message?: string | null;
    visibility?: UpdateVisibility | null;
    templateId?: string | null;
  },
  now: Date,
): Promise<{ message: string; visibility: UpdateVisibility }> {
  const template = input.templateId ? await templateOrFail(tx, input.templateId) : null;
  const text = input.message ?? template?.message;
  const visibility = input.visibility ?? template?.visibility;
  requireGiven({ "input.message": text, "input.visibility": visibility }, template);
  if (!template) return { message: text!, visibility: visibility! };
  // The next update falls due counting from this one when it is public; none is due after resolution.
  const lastPublic = visibility === "PUBLIC" ? now : incident.lastPublicUpdateAt;
  const { nextUpdateDueAt } = computeCadence(
    {
      reportedAt: incident.reportedAt,
      impactAssessedAt: incident.impactAssessedAt,
      publicUpdateTimes: lastPublic ? [lastPublic] : [],
      resolvedAt: input.status === "RESOLVED" ? now : null,
      preliminaryPublishedAt: null,
      postIncidentPublishedAt: null,
      calendar: UTC_CALENDAR,
    },
    now,
  );
  const field = input.message ? "input.message" : "input.templateId";
  return {
    message: await render(tx, incident, text!, nextUpdateDueAt, now, field, LIMITS.message),
    visibility: visibility!,
  };
}

/** A report's summary: as given, else its template's message, placeholders filled. */
export async function reportSummary(
  tx: EntityManager,
  incident: Incident,
  input: { summary?: string | null; templateId?: string | null },
  now: Date,
): Promise<string> {
  const template = input.templateId ? await templateOrFail(tx, input.templateId) : null;
  const text = input.summary ?? template?.message;
  requireGiven({ "input.summary": text }, template);
  if (!template) return text!;
  const field = input.summary ? "input.summary" : "input.templateId";
  return render(tx, incident, text!, null, now, field, LIMITS.summary);
}
