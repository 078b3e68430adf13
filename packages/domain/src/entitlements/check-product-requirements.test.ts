import { describe, expect, it } from "vitest";
import { checkProductRequirements } from "./check-product-requirements.js";
import { PRODUCTS, type Product } from "./vocabulary.js";

describe("checkProductRequirements", () => {
  describe("Alert Strategies Workshops: Incident Management is required; AIOps is recommended", () => {
    it("turns away an account without Incident Management", () => {
      expect(checkProductRequirements("ALERT_STRATEGIES_WORKSHOP", ["AIOPS"])).toEqual({
        met: false,
        reason: "PRODUCT_REQUIREMENT_UNMET",
        missing: { allOf: ["INCIDENT_MANAGEMENT"], anyOf: [] },
        message: "Alert Strategies Workshops require Incident Management.",
      });
    });

    it("accepts Incident Management alone and points out that AIOps is recommended", () => {
      expect(checkProductRequirements("ALERT_STRATEGIES_WORKSHOP", ["INCIDENT_MANAGEMENT"])).toEqual({
        met: true,
        missingRecommended: ["AIOPS"],
      });
    });

    it("has nothing to recommend to an account with both", () => {
      expect(checkProductRequirements("ALERT_STRATEGIES_WORKSHOP", ["INCIDENT_MANAGEMENT", "AIOPS"])).toEqual({
        met: true,
        missingRecommended: [],
      });
    });
  });

  describe("Automation Ideation & Guidance Sessions: any one of the automation products", () => {
    it.each<Product>(["RUNBOOK_AUTOMATION", "RUNBOOK_AUTOMATION_SELF_HOSTED", "WORKFLOW_AUTOMATION"])(
      "accepts an account with %s only",
      (product) => {
        expect(checkProductRequirements("AUTOMATION_IDEATION_SESSION", [product]).met).toBe(true);
      },
    );

    it("turns away an account with Incident Management and AIOps but no automation product", () => {
      expect(checkProductRequirements("AUTOMATION_IDEATION_SESSION", ["INCIDENT_MANAGEMENT", "AIOPS"])).toEqual({
        met: false,
        reason: "PRODUCT_REQUIREMENT_UNMET",
        missing: {
          allOf: [],
          anyOf: ["RUNBOOK_AUTOMATION", "RUNBOOK_AUTOMATION_SELF_HOSTED", "WORKFLOW_AUTOMATION"],
        },
        message:
          "Automation Ideation & Guidance Sessions require at least one of Runbook Automation, Runbook Automation Self-Hosted or Workflow Automation.",
      });
    });
  });

  describe("Incident Lifecycle Assessments: Incident Management is required, everything else optional", () => {
    it("accepts Incident Management alone without recommending anything", () => {
      expect(checkProductRequirements("INCIDENT_LIFECYCLE_ASSESSMENT", ["INCIDENT_MANAGEMENT"])).toEqual({
        met: true,
        missingRecommended: [],
      });
    });

    it("turns away an account that has every optional product but not Incident Management", () => {
      const result = checkProductRequirements(
        "INCIDENT_LIFECYCLE_ASSESSMENT",
        PRODUCTS.filter((p) => p !== "INCIDENT_MANAGEMENT"),
      );
      expect(result).toMatchObject({
        met: false,
        missing: { allOf: ["INCIDENT_MANAGEMENT"], anyOf: [] },
      });
    });
  });

  describe("Maturity Assessments: any of Incident Management, AIOps, Customer Service Ops or Runbook Automation", () => {
    it.each<Product>([
      "INCIDENT_MANAGEMENT",
      "AIOPS",
      "CUSTOMER_SERVICE_OPS",
      "RUNBOOK_AUTOMATION",
      "RUNBOOK_AUTOMATION_SELF_HOSTED",
    ])("accepts an account with %s only", (product) => {
      expect(checkProductRequirements("MATURITY_ASSESSMENT", [product]).met).toBe(true);
    });

    it("turns away an account with Workflow Automation only", () => {
      expect(checkProductRequirements("MATURITY_ASSESSMENT", ["WORKFLOW_AUTOMATION"])).toMatchObject({
        met: false,
        reason: "PRODUCT_REQUIREMENT_UNMET",
      });
    });
  });

  describe.each(["INTEGRATION_CONSULTATION", "PRODUCT_ROADMAP_SESSION", "PRODUCT_FEATURE_CONSULTATION"] as const)(
    "%s: any one PagerDuty product",
    (activity) => {
      it.each([...PRODUCTS])("accepts an account with %s only", (product) => {
        expect(checkProductRequirements(activity, [product])).toEqual({
          met: true,
          missingRecommended: [],
        });
      });

      it("turns away an account with no products", () => {
        expect(checkProductRequirements(activity, [])).toMatchObject({
          met: false,
          missing: { allOf: [], anyOf: [...PRODUCTS] },
        });
      });
    },
  );
});
