import type { CseActivity, ServiceTier } from "./vocabulary.js";

/**
 * The usage policy's "CSE Engagement Activities by Service/Support Entitlement" table:
 * the most sessions of each activity per contract year. `null` is the table's "N/A": not entitled.
 */
export const CSE_CAPS: Readonly<Record<CseActivity, Readonly<Record<ServiceTier, number | null>>>> = {
  ALERT_STRATEGIES_WORKSHOP: {
    NO_SERVICES: null,
    PREMIUM_SUPPORT: null,
    SILVER_SERVICES: null,
    GOLD_SERVICES: 1,
  },
  AUTOMATION_IDEATION_SESSION: {
    NO_SERVICES: null,
    PREMIUM_SUPPORT: null,
    SILVER_SERVICES: 1,
    GOLD_SERVICES: 2,
  },
  INCIDENT_LIFECYCLE_ASSESSMENT: {
    NO_SERVICES: null,
    PREMIUM_SUPPORT: null,
    SILVER_SERVICES: 1,
    GOLD_SERVICES: 2,
  },
  INTEGRATION_CONSULTATION: {
    NO_SERVICES: 1,
    PREMIUM_SUPPORT: 2,
    SILVER_SERVICES: 4,
    GOLD_SERVICES: 6,
  },
  MATURITY_ASSESSMENT: {
    NO_SERVICES: null,
    PREMIUM_SUPPORT: 1,
    SILVER_SERVICES: 2,
    GOLD_SERVICES: 3,
  },
  PRODUCT_ROADMAP_SESSION: {
    NO_SERVICES: null,
    PREMIUM_SUPPORT: null,
    SILVER_SERVICES: 1,
    GOLD_SERVICES: 2,
  },
  PRODUCT_FEATURE_CONSULTATION: {
    NO_SERVICES: 1,
    PREMIUM_SUPPORT: 1,
    SILVER_SERVICES: 2,
    GOLD_SERVICES: 4,
  },
};

/** Footnote 1: how caps are measured. */
export const CAP_PERIOD = {
  measuredPer: "CONTRACT_YEAR",
  contractYearStartsOn: "SUBSCRIPTION_START_DATE_ANNIVERSARY",
  unusedSessionsRollOver: false,
  beyondTheCap: "PROFESSIONAL_SERVICES",
  text: "Usage caps are measured per contract year, starting at the beginning of the subscription start date, and do not roll over. Additional sessions may be available through Professional Services engagements.",
} as const;

export type SharedConsultationPool = {
  readonly tier: ServiceTier;
  readonly activities: readonly CseActivity[];
  /** Sessions per contract year across all of `activities` together. */
  readonly cap: number;
  readonly text: string;
};

/** Footnote 2: one consultation a year in total for customers without a service entitlement. */
export const SHARED_CONSULTATION_POOLS: readonly SharedConsultationPool[] = [
  {
    tier: "NO_SERVICES",
    activities: ["INTEGRATION_CONSULTATION", "PRODUCT_FEATURE_CONSULTATION"],
    cap: 1,
    text: "Customers without a service entitlement may receive up to one consultation per year, which may be used for either an Integration Consultation or a Product/Feature Consultation.",
  },
];

export const PROFESSIONAL_SERVICES_HINT =
  "Additional sessions may be available through a PagerDuty Professional Services engagement.";
