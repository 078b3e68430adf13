import { decideBooking } from "./decide-booking.js";
import { usageAgainstCap, type UsedThisYear } from "./usage-against-cap.js";
import { CSE_ACTIVITIES, type CseActivity, type Product, type ServiceTier } from "./vocabulary.js";

export type ActivityEntitlement = {
  activity: CseActivity;
  /** `null` where the tier has none (N/A). */
  cap: number | null;
  used: number;
  /** Sessions left this contract year before any new booking; `null` where the tier has none. */
  remaining: number | null;
  eligible: boolean;
  /** Why a session cannot be booked now; `null` when it can. */
  reason: string | null;
  reasonCode: "NOT_ENTITLED" | "PRODUCT_REQUIREMENT_UNMET" | "ENTITLEMENT_EXHAUSTED" | null;
};

export type EntitlementsInput = {
  readonly tier: ServiceTier;
  readonly products: readonly Product[];
  readonly usedThisYear: UsedThisYear;
};

/** One row per activity, in policy order; rows sharing a pool (footnote 2) both show the pool. */
export function summarizeEntitlements(input: EntitlementsInput): ActivityEntitlement[] {
  return CSE_ACTIVITIES.map((activity) => {
    const usage = usageAgainstCap(input.tier, activity, input.usedThisYear);
    const cap = usage.entitled ? usage.cap : null;
    const remaining = usage.entitled ? Math.max(0, usage.cap - usage.used) : null;
    // Same rule as a real booking, so the summary can never promise what booking refuses.
    const decision = decideBooking({ ...input, activity });
    return decision.allowed
      ? {
          activity,
          cap,
          used: usage.used,
          remaining,
          eligible: true,
          reason: null,
          reasonCode: null,
        }
      : {
          activity,
          cap,
          used: usage.used,
          remaining,
          eligible: false,
          reason: decision.message,
          reasonCode: decision.reason,
        };
  });
}
