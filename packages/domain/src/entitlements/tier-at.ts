import type { ServiceTier } from "./vocabulary.js";

export type TierChange = {
  readonly tier: ServiceTier;
  readonly effectiveFrom: Date;
};

/**
 * The tier in force at `at`: the latest change effective at or before it; `null` before the first.
 * A session is judged by the caps of the tier in force when it takes place, against everything used that year.
 */
export function tierAt(history: readonly TierChange[], at: Date): ServiceTier | null {
  let current: TierChange | null = null;
  for (const change of history) {
    const from = change.effectiveFrom.getTime();
    if (Number.isNaN(from)) throw new RangeError("tier change with an invalid effectiveFrom");
    // On a tie the change recorded later wins: it corrects the earlier one.
    if (from <= at.getTime() && (current === null || from >= current.effectiveFrom.getTime())) current = change;
  }
  return current?.tier ?? null;
}
