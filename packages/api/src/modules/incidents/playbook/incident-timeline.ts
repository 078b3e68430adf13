import type { EntityManager } from "typeorm";
import { IncidentTimelineEntry } from "./incident-timeline.entity.js";
import type { TimelineKind } from "../incident.enums.js";
import type { ServiceContext } from "../../../platform/context.js";

export interface TimelineStep {
  kind: TimelineKind;
  message: string;
  userId?: string | null;
  /** Who took the step; null (the default) when the playbook did. */
  actorId?: string | null;
}

/** Records steps on the incident's timeline, in the caller's transaction, in the order given. */
export async function recordTimeline(
  ctx: ServiceContext,
  tx: EntityManager,
  incidentId: string,
  steps: readonly TimelineStep[],
): Promise<void> {
  if (steps.length === 0) return;
  const at = ctx.clock.now();
  // One insert, rows in order: `seq` keeps the order of steps taken in the same instant.
  await tx.getRepository(IncidentTimelineEntry).insert(
    steps.map((s) => ({
      incidentId,
      at,
      kind: s.kind,
      message: s.message.slice(0, 1000),
      userId: s.userId ?? null,
      actorId: s.actorId ?? null,
    })),
  );
}
