import type { CseActivity, Product } from "./vocabulary.js";

/**
 * What the customer must own to book an activity, read from the policy's "Product Requirements" line.
 * Every product in `allOf` and, when `anyOf` is not empty, at least one of `anyOf` are required (blocking);
 * `recommended` products are worth pointing out when missing; `optional` ones change nothing.
 */
export type ProductRequirements = {
  readonly allOf: readonly Product[];
  readonly anyOf: readonly Product[];
  readonly recommended: readonly Product[];
  readonly optional: readonly Product[];
  /** The policy's sentence, verbatim. */
  readonly text: string;
};

export type SessionPart = "SESSION" | "DISCOVERY" | "FOLLOW_UP";

/** The calls one booking of the activity takes; however many parts, it counts once against the cap. */
export type TimeCommitment = {
  readonly sessions: readonly {
    readonly part: SessionPart;
    readonly durationMinutes: number;
  }[];
  /** The policy's sentence, verbatim. */
  readonly text: string;
};

export type CseActivityDetails = {
  readonly activity: CseActivity;
  /** The activity's heading in the policy. */
  readonly name: string;
  readonly description: string;
  readonly outcome: string;
  /** Shown to the customer before booking, verbatim from the policy. */
  readonly customerRequirements: string;
  readonly timeCommitment: TimeCommitment;
  readonly productRequirements: ProductRequirements;
};

// Texts are copied verbatim from the usage policy; paragraphs are separated by a blank line.
export const CSE_ACTIVITY_DETAILS: Readonly<Record<CseActivity, CseActivityDetails>> = {
  ALERT_STRATEGIES_WORKSHOP: {
    activity: "ALERT_STRATEGIES_WORKSHOP",
    name: "Alert Strategies Workshops",
    description:
      "This interactive workshop equips teams with practical strategies to reduce alert noise, enrich incident data, and streamline management workflows using PagerDuty. Participants will gain a deeper understanding of configuration options and best practices to enhance operational focus and drive faster resolution of critical incidents.",
    outcome:
      "Following the session, customers will be equipped with tailored recommendations and actionable steps to optimize their alerting configurations. This includes strategies to reduce noise and enrich incidents, enabling more efficient and effective incident management workflows.",
    customerRequirements:
      "Participants should have a working knowledge of PagerDuty, including Events, Alerts, and Incidents, and be familiar with service configuration, Event Orchestration concepts, and AIOps (if applicable).",
    timeCommitment: {
      sessions: [{ part: "SESSION", durationMinutes: 60 }],
      text: "One 60 minute session",
    },
    productRequirements: {
      allOf: ["INCIDENT_MANAGEMENT"],
      anyOf: [],
      recommended: ["AIOPS"],
      optional: [],
      text: "Incident Management is required; AIOps is recommended for deeper insights.",
    },
  },
  AUTOMATION_IDEATION_SESSION: {
    activity: "AUTOMATION_IDEATION_SESSION",
    name: "Automation Ideation & Guidance Sessions",
    description:
      "This session helps customers identify and prioritize automation opportunities using PagerDuty’s automation solutions. Through collaborative discussion, participants explore use cases, best practices, and potential challenges to develop a practical, tailored approach to workflow optimization and automation adoption.",
    outcome:
      "Participants will leave with a set of recommended automation opportunities and actionable guidance aligned to their specific use cases. This session lays the foundation for increased automation adoption and operational efficiency across supported platforms.",
    customerRequirements:
      "Participants should be familiar with their current operational processes and have basic knowledge of PagerDuty’s automation products, such as Workflow Automation and/or Runbook Automation. A general understanding of scripting or automation logic is beneficial but not required.",
    timeCommitment: {
      sessions: [{ part: "SESSION", durationMinutes: 60 }],
      text: "One 60 minute session",
    },
    productRequirements: {
      allOf: [],
      anyOf: ["RUNBOOK_AUTOMATION", "RUNBOOK_AUTOMATION_SELF_HOSTED", "WORKFLOW_AUTOMATION"],
      recommended: [],
      optional: [],
      text: "Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation.",
    },
  },
  INCIDENT_LIFECYCLE_ASSESSMENT: {
    activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
    name: "Incident Lifecycle Assessments",
    description:
      "This two-part engagement provides a comprehensive evaluation of your incident management processes. PagerDuty experts conduct a detailed review of current practices, identifying gaps and opportunities for optimization. The assessment delivers strategic recommendations to accelerate resolution times, streamline operations, and improve alignment with business objectives.",
    outcome:
      "Customers will receive a detailed set of findings and tailored recommendations designed to optimize their incident management practices. This includes actionable insights that support process improvements, tool adoption, and long-term operational maturity.",
    customerRequirements:
      "Participants should have an end-to-end understanding of their current incident management processes. Familiarity with key PagerDuty concepts—including incident lifecycle stages, roles and responsibilities, and postmortem processes—is strongly recommended.",
    timeCommitment: {
      sessions: [
        { part: "DISCOVERY", durationMinutes: 60 },
        { part: "FOLLOW_UP", durationMinutes: 30 },
      ],
      text: "One 60-minute discovery and one 30 minute follow-up session",
    },
    productRequirements: {
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
      text: "Incident Management is required; AIOps, Customer Service Ops, Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation are optional.",
    },
  },
  INTEGRATION_CONSULTATION: {
    activity: "INTEGRATION_CONSULTATION",
    name: "Integration Consultations",
    description:
      "This session offers expert guidance on integrating third-party systems and tools with PagerDuty products. Customers receive tailored advice on architecture, API usage, prerequisites, and integration best practices to support seamless adoption and long-term success.",
    outcome:
      "Customers will leave the session with a recommended integration approach and best practices specific to their use case. This equips them to either proceed independently or engage additional support, ensuring a successful and sustainable integration.",
    customerRequirements:
      "Participants should have a clear understanding of their integration goals and technical environment. Familiarity with APIs, authentication mechanisms, and relevant PagerDuty product functionality is recommended.",
    timeCommitment: {
      sessions: [{ part: "SESSION", durationMinutes: 30 }],
      text: "One 30 minute session",
    },
    productRequirements: {
      allOf: [],
      anyOf: [
        "INCIDENT_MANAGEMENT",
        "AIOPS",
        "CUSTOMER_SERVICE_OPS",
        "RUNBOOK_AUTOMATION",
        "RUNBOOK_AUTOMATION_SELF_HOSTED",
        "WORKFLOW_AUTOMATION",
      ],
      recommended: [],
      optional: [],
      text: "Incident Management, AIOps, Customer Service Ops, Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation.",
    },
  },
  MATURITY_ASSESSMENT: {
    activity: "MATURITY_ASSESSMENT",
    name: "Maturity Assessments",
    description:
      "For customers of PagerDuty Incident Management and/or AIOps, this assessment provides a comprehensive review of your incident management configuration and usage. The session identifies inefficiencies, misconfigurations, and opportunities to align with operational best practices and maximize value.\n\nFor customers of PagerDuty Runbook Automation, this session evaluates how effectively an organization leverages automation across people, processes, and technology. Using PagerDuty's Automation Maturity Model, the engagement benchmarks customers against industry best practices in three dimensions: Foundations of Automation, Design Maturity, and Outcomes/KPI Maturity. Through a structured review, participants gain a clear view of their current automation state, strengths, and improvement areas.",
    outcome:
      "Customers of PagerDuty Incident Management and/or AIOps receive a detailed assessment of your configuration and usage with actionable recommendations to improve performance, reduce inefficiencies, and better align with best practices.\n\nCustomers of PagerDuty Runbook Automation receive a comprehensive Maturity Scorecard with tailored recommendations for quick wins, longer-term improvements, and business value metrics (e.g., hours saved, escalation cost reduction, time-to-action improvements). Includes a prioritized roadmap with actionable next steps, industry benchmarks, and guidance to reduce toil, accelerate incident recovery, and improve team productivity.",
    customerRequirements:
      "For customers of PagerDuty Incident Management and/or AIOps, participants should be familiar with current configurations and usage patterns. Involvement from stakeholders responsible for operations, SRE, or incident management is recommended.\n\nFor customers of PagerDuty Runbook Automation, participants should include active automation users and stakeholders who interact with automated workflows in daily operations, and ideally also representatives responsible for measuring outcomes and governance. Customers should be prepared to share current use cases, tooling, and operational practices that impact automation maturity. A general understanding of PagerDuty Automation (Runbook Automation) is recommended.",
    timeCommitment: {
      sessions: [{ part: "SESSION", durationMinutes: 60 }],
      text: "One 60 minute session",
    },
    productRequirements: {
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
      text: "Incident Management, AIOps, Customer Service Ops, Runbook Automation, and/or Runbook Automation Self-Hosted.",
    },
  },
  PRODUCT_ROADMAP_SESSION: {
    activity: "PRODUCT_ROADMAP_SESSION",
    name: "Product Roadmap Sessions",
    description:
      "This session provides visibility into PagerDuty’s product direction, including upcoming innovations and recently released features. Customers will gain insights into how PagerDuty is evolving to meet modern operational challenges and have an opportunity to share feedback to help shape the roadmap.",
    outcome:
      "Customers will gain alignment with PagerDuty’s strategic direction, enabling more informed planning and investment decisions. This session also provides a feedback loop to ensure customer needs are considered in future product development.",
    customerRequirements:
      "Participants should have a general understanding of their organization’s strategic priorities and existing use of PagerDuty products. The session is best suited for technical stakeholders and decision-makers involved in long-term planning.",
    timeCommitment: {
      sessions: [{ part: "SESSION", durationMinutes: 30 }],
      text: "One 30 minute session",
    },
    productRequirements: {
      allOf: [],
      anyOf: [
        "INCIDENT_MANAGEMENT",
        "AIOPS",
        "CUSTOMER_SERVICE_OPS",
        "RUNBOOK_AUTOMATION",
        "RUNBOOK_AUTOMATION_SELF_HOSTED",
        "WORKFLOW_AUTOMATION",
      ],
      recommended: [],
      optional: [],
      text: "Incident Management, AIOps, Customer Service Ops, Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation.",
    },
  },
  PRODUCT_FEATURE_CONSULTATION: {
    activity: "PRODUCT_FEATURE_CONSULTATION",
    name: "Product/Feature Consultations",
    description:
      "This session provides a focused exploration of specific PagerDuty products or features. Through guided discussion and expert recommendations, customers gain clarity on functionality, best practices, and how to apply these solutions to address their unique operational challenges.",
    outcome:
      "Customers will gain a deeper understanding of targeted product capabilities and receive actionable recommendations to improve adoption and effectiveness.",
    customerRequirements:
      "Participants should have a defined area of interest or challenge and a general understanding of their current PagerDuty setup. The session is most effective when focused on a specific product, feature, or outcome.",
    timeCommitment: {
      sessions: [{ part: "SESSION", durationMinutes: 30 }],
      text: "One 30 minute session",
    },
    productRequirements: {
      allOf: [],
      anyOf: [
        "INCIDENT_MANAGEMENT",
        "AIOPS",
        "CUSTOMER_SERVICE_OPS",
        "RUNBOOK_AUTOMATION",
        "RUNBOOK_AUTOMATION_SELF_HOSTED",
        "WORKFLOW_AUTOMATION",
      ],
      recommended: [],
      optional: [],
      text: "Incident Management, AIOps, Customer Service Ops, Runbook Automation, Runbook Automation Self-Hosted, and/or Workflow Automation.",
    },
  },
};

/** Minutes a booking of `activity` takes across all of its calls. */
export function totalDurationMinutes(activity: CseActivity): number {
  return CSE_ACTIVITY_DETAILS[activity].timeCommitment.sessions.reduce((sum, s) => sum + s.durationMinutes, 0);
}
