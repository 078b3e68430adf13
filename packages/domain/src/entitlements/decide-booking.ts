import { CSE_ACTIVITY_DETAILS } from "./activity-details.js";
import { PROFESSIONAL_SERVICES_HINT } from "./caps-table.js";
import { checkProductRequirements, type MissingProducts } from "./check-product-requirements.js";
import { usageAgainstCap, type UsedThisYear } from "./usage-against-cap.js";
import { SERVICE_TIER_NAMES, type CseActivity, type Product, type ServiceTier } from "./vocabulary.js";

export type BookingRequest = {
  /** The tier in force when the session takes place (see `tierAt`). */
  readonly tier: ServiceTier;
  readonly activity: CseActivity;
  readonly products: readonly Product[];
  /** Sessions not cancelled in the contract year the session falls in, this booking excluded. */
  readonly usedThisYear: UsedThisYear;
};

export type BookingDecision =
  | { allowed: true; cap: number; used: number; remaining: number }
  | { allowed: false; reason: "NOT_ENTITLED"; message: string }
  | {
      allowed: false;
      reason: "PRODUCT_REQUIREMENT_UNMET";
      message: string;
      missing: MissingProducts;
    }
  | {
      allowed: false;
      reason: "ENTITLEMENT_EXHAUSTED";
      cap: number;
      used: number;
      message: string;
    };

/**
 * May this CSE session be booked? Checked in the order a customer can act on it:
 * the tier's entitlement, then product requirements, then the yearly cap. `remaining` is after this booking.
 */
export function decideBooking(request: BookingRequest): BookingDecision {
  const { tier, activity, products, usedThisYear } = request;
  const name = CSE_ACTIVITY_DETAILS[activity].name;
  const usage = usageAgainstCap(tier, activity, usedThisYear);
  if (!usage.entitled) {
    return {
      allowed: false,
      reason: "NOT_ENTITLED",
      message: `${name} are not included in ${SERVICE_TIER_NAMES[tier]}.`,
    };
  }
  const productCheck = checkProductRequirements(activity, products);
  if (!productCheck.met) {
    return {
      allowed: false,
      reason: "PRODUCT_REQUIREMENT_UNMET",
      message: productCheck.message,
      missing: productCheck.missing,
    };
  }
  const { cap, used, sharedWith } = usage;
  if (used >= cap) {
    const names = [activity, ...sharedWith].map((a) => CSE_ACTIVITY_DETAILS[a].name);
    const allowance =
      sharedWith.length > 0
        ? `${names.join(" and ")} share one allowance in ${SERVICE_TIER_NAMES[tier]}`
        : `${name} included in ${SERVICE_TIER_NAMES[tier]}`;
    return {
      allowed: false,
      reason: "ENTITLEMENT_EXHAUSTED",
      cap,
      used,
      message: `${allowance}: ${used} of ${cap} used this contract year, and unused sessions do not roll over. ${PROFESSIONAL_SERVICES_HINT}`,
    };
  }
  return { allowed: true, cap, used, remaining: cap - used - 1 };
}
