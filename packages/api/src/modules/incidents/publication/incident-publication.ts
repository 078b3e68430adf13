import { publicImpact, type Impact } from "@liaison/domain";
import type { Incident } from "../incident.entity.js";
import type { IncidentUpdate } from "../incident-update.entity.js";

/** The public name of an incident: what customers read. */
export function publicName(incident: Pick<Incident, "title" | "publicTitle">): string {
  return incident.publicTitle ?? incident.title;
}

/** The impact customers read (see publicImpact): never presumed from the severity. */
export function publicImpactOf(
  incident: Incident,
  updates: readonly Pick<IncidentUpdate, "sequence" | "componentStatuses">[],
): Impact {
  return publicImpact({
    assessedImpact: incident.impactAssessedAt ? incident.impact : null,
    updates,
    resolved: incident.resolvedAt !== null,
  });
}
