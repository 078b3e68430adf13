import type { EntityManager } from "typeorm";
import type { Incident } from "./incident.entity.js";
import type { IncidentUpdate } from "./incident-update.entity.js";
import type { ServiceContext } from "../../platform/context.js";
import { publicName } from "./publication/incident-publication.js";

/** A public update reaches the requesters of every ticket linked to the incident, in its transaction. */
export async function notifyRequesters(
  ctx: ServiceContext,
  tx: EntityManager,
  incident: Incident,
  update: IncidentUpdate,
): Promise<void> {
  const rows: { requester_id: string }[] = await tx.query(
    "SELECT DISTINCT requester_id FROM ticket WHERE incident_id = $1 AND requester_id IS NOT NULL",
    [incident.id],
  );
  if (rows.length === 0) return;
  await ctx.notifier.notify(ctx, tx, {
    userIds: rows.map((r) => r.requester_id),
    kind: "INCIDENT_UPDATE",
    title: `${publicName(incident)}: ${update.status.toLowerCase()}`,
    body: update.message,
    dedupKey: `incident-update:${update.id}`,
    incidentId: incident.id,
  });
}
