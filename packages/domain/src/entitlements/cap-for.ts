import { CSE_CAPS, SHARED_CONSULTATION_POOLS, type SharedConsultationPool } from "./caps-table.js";
import type { CseActivity, ServiceTier } from "./vocabulary.js";

/** Sessions of `activity` a contract year allows on `tier`; `null` means the tier is not entitled (N/A). */
export function capFor(tier: ServiceTier, activity: CseActivity): number | null {
  return CSE_CAPS[activity][tier];
}

/** The pool `activity` shares with other activities on `tier` (footnote 2), if any. */
export function sharedPoolFor(tier: ServiceTier, activity: CseActivity): SharedConsultationPool | null {
  return SHARED_CONSULTATION_POOLS.find((pool) => pool.tier === tier && pool.activities.includes(activity)) ?? null;
}
