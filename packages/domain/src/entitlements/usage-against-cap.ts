import { capFor, sharedPoolFor } from "./cap-for.js";
import type { CseActivity, ServiceTier } from "./vocabulary.js";

export type UsedThisYear = Readonly<Partial<Record<CseActivity, number>>>;

export type UsageAgainstCap =
  | { entitled: false; used: number }
  | {
      entitled: true;
      cap: number;
      used: number;
      sharedWith: readonly CseActivity[];
    };

/**
 * The cap that binds `activity` this contract year and what already counts against it.
 * In a shared pool (footnote 2) every session of the pool counts, so both rows show the pool.
 */
export function usageAgainstCap(tier: ServiceTier, activity: CseActivity, usedThisYear: UsedThisYear): UsageAgainstCap {
  const own = usedThisYear[activity] ?? 0;
  const cap = capFor(tier, activity);
  if (cap === null) return { entitled: false, used: own };
  const pool = sharedPoolFor(tier, activity);
  if (pool === null) return { entitled: true, cap, used: own, sharedWith: [] };
  const pooled = pool.activities.reduce((sum, a) => sum + (usedThisYear[a] ?? 0), 0);
  // The tighter of the row's own cap and the pool's cap is the one a customer runs into.
  return cap - own < pool.cap - pooled
    ? { entitled: true, cap, used: own, sharedWith: [] }
    : {
        entitled: true,
        cap: pool.cap,
        used: pooled,
        sharedWith: pool.activities.filter((a) => a !== activity),
      };
}
