// The names below are the contract's enums (CONTRACT.md, "Customer Success Engineer sessions").
export const SERVICE_TIERS = ["NO_SERVICES", "PREMIUM_SUPPORT", "SILVER_SERVICES", "GOLD_SERVICES"] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

export const PRODUCTS = [
  "INCIDENT_MANAGEMENT",
  "AIOPS",
  "CUSTOMER_SERVICE_OPS",
  "RUNBOOK_AUTOMATION",
  "RUNBOOK_AUTOMATION_SELF_HOSTED",
  "WORKFLOW_AUTOMATION",
] as const;
export type Product = (typeof PRODUCTS)[number];

export const CSE_ACTIVITIES = [
  "ALERT_STRATEGIES_WORKSHOP",
  "AUTOMATION_IDEATION_SESSION",
  "INCIDENT_LIFECYCLE_ASSESSMENT",
  "INTEGRATION_CONSULTATION",
  "MATURITY_ASSESSMENT",
  "PRODUCT_ROADMAP_SESSION",
  "PRODUCT_FEATURE_CONSULTATION",
] as const;
export type CseActivity = (typeof CSE_ACTIVITIES)[number];

/** Column headings of the usage policy's caps table. */
export const SERVICE_TIER_NAMES: Readonly<Record<ServiceTier, string>> = {
  NO_SERVICES: "No Services",
  PREMIUM_SUPPORT: "Premium Support",
  SILVER_SERVICES: "Silver Services",
  GOLD_SERVICES: "Gold Services",
};

/** Product names as the usage policy spells them. */
export const PRODUCT_NAMES: Readonly<Record<Product, string>> = {
  INCIDENT_MANAGEMENT: "Incident Management",
  AIOPS: "AIOps",
  CUSTOMER_SERVICE_OPS: "Customer Service Ops",
  RUNBOOK_AUTOMATION: "Runbook Automation",
  RUNBOOK_AUTOMATION_SELF_HOSTED: "Runbook Automation Self-Hosted",
  WORKFLOW_AUTOMATION: "Workflow Automation",
};

export function isServiceTier(value: string): value is ServiceTier {
  return (SERVICE_TIERS as readonly string[]).includes(value);
}

export function isProduct(value: string): value is Product {
  return (PRODUCTS as readonly string[]).includes(value);
}

export function isCseActivity(value: string): value is CseActivity {
  return (CSE_ACTIVITIES as readonly string[]).includes(value);
}
