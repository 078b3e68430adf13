import { describe, expect, it } from "vitest";
import { CAP_PERIOD, CSE_CAPS, SHARED_CONSULTATION_POOLS } from "./caps-table.js";
import { CSE_ACTIVITIES, SERVICE_TIERS, type CseActivity } from "./vocabulary.js";

// Each row copies one line of the policy's table verbatim (footnote marks dropped), so it can be held against the seed.
const POLICY_TABLE: readonly [CseActivity, string, string, string, string, string][] = [
  ["ALERT_STRATEGIES_WORKSHOP", "Alert Strategies Workshops", "N/A", "N/A", "N/A", "Up to 1 workshop/year"],
  [
    "AUTOMATION_IDEATION_SESSION",
    "Automation Ideation & Guidance Sessions",
    "N/A",
    "N/A",
    "Up to 1 session/year",
    "Up to 2 sessions/year",
  ],
  [
    "INCIDENT_LIFECYCLE_ASSESSMENT",
    "Incident Lifecycle Assessments",
    "N/A",
    "N/A",
    "Up to 1 assessment/year",
    "Up to 2 assessments/year",
  ],
  [
    "INTEGRATION_CONSULTATION",
    "Integration Consultations",
    "Up to 1 consultation/year",
    "Up to 2 consultations/year",
    "Up to 4 consultations/year",
    "Up to 6 consultations/year",
  ],
  [
    "MATURITY_ASSESSMENT",
    "Maturity Assessments",
    "N/A",
    "Up to 1 assessment/year",
    "Up to 2 assessments/year",
    "Up to 3 assessments/year",
  ],
  [
    "PRODUCT_ROADMAP_SESSION",
    "Product Roadmap Sessions",
    "N/A",
    "N/A",
    "Up to 1 session/year",
    "Up to 2 sessions/year",
  ],
  [
    "PRODUCT_FEATURE_CONSULTATION",
    "Product/Feature Consultations",
    "Up to 1 consultation/year",
    "Up to 1 consultation/year",
    "Up to 2 consultations/year",
    "Up to 4 consultations/year",
  ],
];

function capOfCell(cell: string): number | null {
  if (cell === "N/A") return null;
  const match = /^Up to (\d+) \w+\/year$/.exec(cell);
  if (!match?.[1]) throw new Error(`unreadable cell ${cell}`);
  return Number(match[1]);
}

const cells = POLICY_TABLE.flatMap(([activity, name, ...columns]) =>
  SERVICE_TIERS.map((tier, i) => ({
    activity,
    name,
    tier,
    cell: columns[i] ?? "",
  })),
);

describe("the caps table of the CSE usage policy", () => {
  it.each(cells)("$name for $tier: $cell", ({ activity, tier, cell }) => {
    expect(CSE_CAPS[activity][tier]).toBe(capOfCell(cell));
  });

  it("has a row for every activity, in the policy's order", () => {
    expect(POLICY_TABLE.map(([activity]) => activity)).toEqual([...CSE_ACTIVITIES]);
    expect(Object.keys(CSE_CAPS)).toEqual([...CSE_ACTIVITIES]);
  });

  it("measures caps per contract year from the subscription start date, without rollover (footnote 1)", () => {
    expect(CAP_PERIOD).toMatchObject({
      measuredPer: "CONTRACT_YEAR",
      contractYearStartsOn: "SUBSCRIPTION_START_DATE_ANNIVERSARY",
      unusedSessionsRollOver: false,
      beyondTheCap: "PROFESSIONAL_SERVICES",
    });
  });

  it("gives customers without services one consultation a year, integration or product/feature (footnote 2)", () => {
    expect(SHARED_CONSULTATION_POOLS).toEqual([
      expect.objectContaining({
        tier: "NO_SERVICES",
        activities: ["INTEGRATION_CONSULTATION", "PRODUCT_FEATURE_CONSULTATION"],
        cap: 1,
      }),
    ]);
  });
});
