import { CSE_ACTIVITY_DETAILS } from "./activity-details.js";
import { PRODUCT_NAMES, type CseActivity, type Product } from "./vocabulary.js";

export type MissingProducts = {
  /** Required products the customer lacks. */
  readonly allOf: Product[];
  /** When none of the alternatives is owned: all of them, any one of which would do. */
  readonly anyOf: Product[];
};

export type ProductRequirementCheck =
  | { met: true; missingRecommended: Product[] }
  | {
      met: false;
      reason: "PRODUCT_REQUIREMENT_UNMET";
      missing: MissingProducts;
      message: string;
    };

/** Whether an account owning `products` meets `activity`'s product requirements. */
export function checkProductRequirements(activity: CseActivity, products: readonly Product[]): ProductRequirementCheck {
  const details = CSE_ACTIVITY_DETAILS[activity];
  const { allOf, anyOf, recommended } = details.productRequirements;
  const owned = new Set(products);
  const missingAll = allOf.filter((p) => !owned.has(p));
  const missingAny = anyOf.length > 0 && !anyOf.some((p) => owned.has(p)) ? [...anyOf] : [];
  if (missingAll.length === 0 && missingAny.length === 0) {
    return {
      met: true,
      missingRecommended: recommended.filter((p) => !owned.has(p)),
    };
  }
  const needs = [
    ...(missingAll.length > 0 ? [listOf(missingAll, "and")] : []),
    ...(missingAny.length > 0 ? [`at least one of ${listOf(missingAny, "or")}`] : []),
  ];
  return {
    met: false,
    reason: "PRODUCT_REQUIREMENT_UNMET",
    missing: { allOf: missingAll, anyOf: missingAny },
    message: `${details.name} require ${needs.join(" and ")}.`,
  };
}

function listOf(products: readonly Product[], conjunction: "and" | "or"): string {
  const names = products.map((p) => PRODUCT_NAMES[p]);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}`;
}
