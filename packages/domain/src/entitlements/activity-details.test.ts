import { describe, expect, it } from "vitest";
import { CSE_ACTIVITY_DETAILS, totalDurationMinutes } from "./activity-details.js";
import { CSE_ACTIVITIES, type CseActivity, type Product } from "./vocabulary.js";

const ALL_PRODUCTS: Product[] = [
  "INCIDENT_MANAGEMENT",
  "AIOPS",
  "CUSTOMER_SERVICE_OPS",
  "RUNBOOK_AUTOMATION",
  "RUNBOOK_AUTOMATION_SELF_HOSTED",
  "WORKFLOW_AUTOMATION",
];

describe("each activity's product requirements, as the policy states them", () => {
  it.each<
    [
      CseActivity,
      string,
      {
        allOf: Product[];
        anyOf: Product[];
        recommended: Product[];
        optional: Product[];
      },
    ]
  >([
    [
      "ALERT_STRATEGIES_WORKSHOP",
      "Incident Management is required; AIOps is recommended for deeper insights.",
      {
        allOf: ["INCIDENT_MANAGEMENT"],
        anyOf: [],
        recommended: ["AIOPS"],
        optional: [],
      },
    ],
    [
      "AUTOMATION_IDEATION_SESSION",
      "Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation.",
      {
        allOf: [],
        anyOf: ["RUNBOOK_AUTOMATION", "RUNBOOK_AUTOMATION_SELF_HOSTED", "WORKFLOW_AUTOMATION"],
        recommended: [],
        optional: [],
      },
    ],
    [
      "INCIDENT_LIFECYCLE_ASSESSMENT",
      "Incident Management is required; AIOps, Customer Service Ops, Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation are optional.",
      {
        allOf: ["INCIDENT_MANAGEMENT"],
        anyOf: [],
        recommended: [],
        optional: [
          "AIOPS",
          "CUSTOMER_SERVICE_OPS",
          "RUNBOOK_AUTOMATION",
          "RUNBOOK_AUTOMATION_SELF_HOSTED",
          "WORKFLOW_AUTOMATION",
        ],
      },
    ],
    [
      "INTEGRATION_CONSULTATION",
      "Incident Management, AIOps, Customer Service Ops, Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation.",
      { allOf: [], anyOf: ALL_PRODUCTS, recommended: [], optional: [] },
    ],
    [
      "MATURITY_ASSESSMENT",
      "Incident Management, AIOps, Customer Service Ops, Runbook Automation, and/or Runbook Automation Self-Hosted.",
      {
        allOf: [],
        anyOf: [
          "INCIDENT_MANAGEMENT",
          "AIOPS",
          "CUSTOMER_SERVICE_OPS",
          "RUNBOOK_AUTOMATION",
          "RUNBOOK_AUTOMATION_SELF_HOSTED",
        ],
        recommended: [],
        optional: [],
      },
    ],
    [
      "PRODUCT_ROADMAP_SESSION",
      "Incident Management, AIOps, Customer Service Ops, Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation.",
      { allOf: [], anyOf: ALL_PRODUCTS, recommended: [], optional: [] },
    ],
    [
      "PRODUCT_FEATURE_CONSULTATION",
      "Incident Management, AIOps, Customer Service Ops, Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation.",
      { allOf: [], anyOf: ALL_PRODUCTS, recommended: [], optional: [] },
    ],
  ])("%s — “%s”", (activity, sentence, classified) => {
    const requirements = CSE_ACTIVITY_DETAILS[activity].productRequirements;
    expect(requirements.text).toBe(sentence);
    expect(requirements).toEqual({ ...classified, text: sentence });
  });

  it("does not let Workflow Automation alone qualify for a Maturity Assessment", () => {
    expect(CSE_ACTIVITY_DETAILS.MATURITY_ASSESSMENT.productRequirements.anyOf).not.toContain("WORKFLOW_AUTOMATION");
  });
});

describe("each activity's time commitment", () => {
  it.each<[CseActivity, string, { part: string; durationMinutes: number }[]]>([
    ["ALERT_STRATEGIES_WORKSHOP", "One 60 minute session", [{ part: "SESSION", durationMinutes: 60 }]],
    ["AUTOMATION_IDEATION_SESSION", "One 60 minute session", [{ part: "SESSION", durationMinutes: 60 }]],
    [
      "INCIDENT_LIFECYCLE_ASSESSMENT",
      "One 60-minute discovery and one 30 minute follow-up session",
      [
        { part: "DISCOVERY", durationMinutes: 60 },
        { part: "FOLLOW_UP", durationMinutes: 30 },
      ],
    ],
    ["INTEGRATION_CONSULTATION", "One 30 minute session", [{ part: "SESSION", durationMinutes: 30 }]],
    ["MATURITY_ASSESSMENT", "One 60 minute session", [{ part: "SESSION", durationMinutes: 60 }]],
    ["PRODUCT_ROADMAP_SESSION", "One 30 minute session", [{ part: "SESSION", durationMinutes: 30 }]],
    ["PRODUCT_FEATURE_CONSULTATION", "One 30 minute session", [{ part: "SESSION", durationMinutes: 30 }]],
  ])("%s — “%s”", (activity, sentence, sessions) => {
    expect(CSE_ACTIVITY_DETAILS[activity].timeCommitment).toEqual({
      sessions,
      text: sentence,
    });
  });

  it("books an Incident Lifecycle Assessment as 90 minutes over two calls", () => {
    expect(totalDurationMinutes("INCIDENT_LIFECYCLE_ASSESSMENT")).toBe(90);
  });
});

describe("what the customer is shown about each activity", () => {
  it.each([...CSE_ACTIVITIES])("%s has a name, description, outcome and customer requirements", (activity) => {
    const details = CSE_ACTIVITY_DETAILS[activity];
    expect(details.activity).toBe(activity);
    for (const text of [details.name, details.description, details.outcome, details.customerRequirements]) {
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/^(Outcome|Customer Requirements):/);
    }
  });

  it("names activities by the policy's headings", () => {
    expect(CSE_ACTIVITIES.map((a) => CSE_ACTIVITY_DETAILS[a].name)).toEqual([
      "Alert Strategies Workshops",
      "Automation Ideation & Guidance Sessions",
      "Incident Lifecycle Assessments",
      "Integration Consultations",
      "Maturity Assessments",
      "Product Roadmap Sessions",
      "Product/Feature Consultations",
    ]);
  });

  it("quotes the customer requirements verbatim", () => {
    expect(CSE_ACTIVITY_DETAILS.INTEGRATION_CONSULTATION.customerRequirements).toBe(
      "Participants should have a clear understanding of their integration goals and technical environment. Familiarity with APIs, authentication mechanisms, and relevant PagerDuty product functionality is recommended.",
    );
  });

  it("keeps both audiences of the Maturity Assessment, Incident Management/AIOps and Runbook Automation", () => {
    const details = CSE_ACTIVITY_DETAILS.MATURITY_ASSESSMENT;
    for (const text of [details.description, details.outcome, details.customerRequirements]) {
      const paragraphs = text.split("\n\n");
      expect(paragraphs).toHaveLength(2);
      expect(paragraphs[0]).toMatch(/Incident Management and\/or AIOps/);
      expect(paragraphs[1]).toMatch(/Runbook Automation/);
    }
  });
});
