import type { UpdateVisibility } from "./incident-vocabulary.js";

/** The times of the updates customers saw; INTERNAL notes keep responders informed, not customers. */
export function publicUpdateTimes(updates: readonly { createdAt: Date; visibility: UpdateVisibility }[]): Date[] {
  return updates.filter((u) => u.visibility === "PUBLIC").map((u) => u.createdAt);
}
