import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { IMPACTS, type Impact } from "../incidents/index.js";
import { aggregateStatus } from "./aggregate-status.js";
import { COMPONENT_STATUSES, type ComponentStatus } from "./status-vocabulary.js";

const page = (
  componentStatuses: ComponentStatus[],
  activeIncidentImpacts: Impact[] = [],
  maintenanceInProgress = false,
) =>
  aggregateStatus({
    componentStatuses,
    activeIncidentImpacts,
    maintenanceInProgress,
  });

describe("aggregateStatus from components", () => {
  test.each<[string, ComponentStatus[], string, string]>([
    ["a page with no components", [], "NONE", "All Systems Operational"],
    ["every component operational", ["OPERATIONAL", "OPERATIONAL"], "NONE", "All Systems Operational"],
    ["the only component in a major outage", ["MAJOR_OUTAGE"], "CRITICAL", "Major System Outage"],
    ["every component in a major outage", ["MAJOR_OUTAGE", "MAJOR_OUTAGE"], "CRITICAL", "Major System Outage"],
    [
      "one of many components in a major outage",
      ["OPERATIONAL", "MAJOR_OUTAGE", "OPERATIONAL"],
      "MAJOR",
      "Partial System Outage",
    ],
    ["a major outage beside a partial one", ["PARTIAL_OUTAGE", "MAJOR_OUTAGE"], "MAJOR", "Partial System Outage"],
    ["the only component in a partial outage", ["PARTIAL_OUTAGE"], "MAJOR", "Partial System Outage"],
    ["every component in a partial outage", ["PARTIAL_OUTAGE", "PARTIAL_OUTAGE"], "MAJOR", "Partial System Outage"],
    ["one of many components in a partial outage", ["OPERATIONAL", "PARTIAL_OUTAGE"], "MINOR", "Minor Service Outage"],
    [
      "a partial outage beside degraded performance",
      ["DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE"],
      "MINOR",
      "Minor Service Outage",
    ],
    ["every component degraded", ["DEGRADED_PERFORMANCE", "DEGRADED_PERFORMANCE"], "MINOR", "Degraded System Service"],
    ["the only component degraded", ["DEGRADED_PERFORMANCE"], "MINOR", "Partially Degraded Service"],
    ["one of many components degraded", ["DEGRADED_PERFORMANCE", "OPERATIONAL"], "MINOR", "Partially Degraded Service"],
    [
      "a degraded component beside one under maintenance",
      ["DEGRADED_PERFORMANCE", "UNDER_MAINTENANCE"],
      "MINOR",
      "Partially Degraded Service",
    ],
    ["the only component under maintenance", ["UNDER_MAINTENANCE"], "MAINTENANCE", "Service Under Maintenance"],
    [
      "one of many components under maintenance",
      ["OPERATIONAL", "UNDER_MAINTENANCE"],
      "MAINTENANCE",
      "Service Under Maintenance",
    ],
    [
      "every component under maintenance",
      ["UNDER_MAINTENANCE", "UNDER_MAINTENANCE"],
      "MAINTENANCE",
      "Service Under Maintenance",
    ],
  ])("%s reads %s / %s", (_, statuses, indicator, description) => {
    expect(page(statuses)).toEqual({ indicator, description });
  });
});

describe("aggregateStatus with scheduled maintenance", () => {
  test("a maintenance in progress shows even when every component is operational", () => {
    expect(page(["OPERATIONAL"], [], true)).toEqual({
      indicator: "MAINTENANCE",
      description: "Service Under Maintenance",
    });
    expect(page([], [], true)).toEqual({
      indicator: "MAINTENANCE",
      description: "Service Under Maintenance",
    });
  });

  test("an outage during maintenance shows the outage", () => {
    expect(page(["UNDER_MAINTENANCE", "MAJOR_OUTAGE"], [], true)).toEqual({
      indicator: "MAJOR",
      description: "Partial System Outage",
    });
  });

  test("an incident during maintenance shows the incident", () => {
    expect(page(["OPERATIONAL"], ["MINOR"], true)).toEqual({
      indicator: "MINOR",
      description: "Minor Service Outage",
    });
  });
});

describe("aggregateStatus with active incidents", () => {
  test.each<[Impact, string, string]>([
    ["NONE", "NONE", "All Systems Operational"],
    ["MINOR", "MINOR", "Minor Service Outage"],
    ["MAJOR", "MAJOR", "Partial System Outage"],
    ["CRITICAL", "CRITICAL", "Major System Outage"],
  ])("an incident of %s impact on an operational page reads %s / %s", (impact, indicator, description) => {
    expect(page(["OPERATIONAL", "OPERATIONAL"], [impact])).toEqual({
      indicator,
      description,
    });
  });

  test("an incident on a page with no components still shows", () => {
    expect(page([], ["MAJOR"])).toEqual({
      indicator: "MAJOR",
      description: "Partial System Outage",
    });
  });

  test("the worst of several incidents counts", () => {
    expect(page(["OPERATIONAL"], ["MINOR", "CRITICAL", "NONE"])).toEqual({
      indicator: "CRITICAL",
      description: "Major System Outage",
    });
  });

  test("components worse than the incident keep their wording", () => {
    expect(page(["MAJOR_OUTAGE", "MAJOR_OUTAGE"], ["MINOR"])).toEqual({
      indicator: "CRITICAL",
      description: "Major System Outage",
    });
  });

  test("an incident as severe as the components keeps the components' more precise wording", () => {
    expect(page(["DEGRADED_PERFORMANCE", "OPERATIONAL"], ["MINOR"])).toEqual({
      indicator: "MINOR",
      description: "Partially Degraded Service",
    });
  });

  test("an incident worse than the components takes over", () => {
    expect(page(["DEGRADED_PERFORMANCE", "OPERATIONAL"], ["CRITICAL"])).toEqual({
      indicator: "CRITICAL",
      description: "Major System Outage",
    });
  });

  test("an incident of no impact during maintenance leaves the maintenance showing", () => {
    expect(page(["UNDER_MAINTENANCE"], ["NONE"])).toEqual({
      indicator: "MAINTENANCE",
      description: "Service Under Maintenance",
    });
  });
});

describe("aggregateStatus, for any page", () => {
  const RANK = {
    NONE: 0,
    MAINTENANCE: 1,
    MINOR: 2,
    MAJOR: 3,
    CRITICAL: 4,
  } as const;
  const pages = fc.record({
    componentStatuses: fc.array(fc.constantFrom<ComponentStatus>(...COMPONENT_STATUSES), { maxLength: 8 }),
    activeIncidentImpacts: fc.array(fc.constantFrom<Impact>(...IMPACTS), {
      maxLength: 4,
    }),
    maintenanceInProgress: fc.boolean(),
  });

  test("is operational only when nothing at all is wrong or planned", () => {
    fc.assert(
      fc.property(pages, (input) => {
        const calm =
          input.componentStatuses.every((s) => s === "OPERATIONAL") &&
          input.activeIncidentImpacts.every((i) => i === "NONE") &&
          !input.maintenanceInProgress;
        expect(aggregateStatus(input).indicator === "NONE").toBe(calm);
      }),
    );
  });

  test("never gets milder when a component gets worse or another incident starts", () => {
    fc.assert(
      fc.property(pages, fc.constantFrom<Impact>(...IMPACTS), (input, impact) => {
        const before = RANK[aggregateStatus(input).indicator];
        const withIncident = aggregateStatus({
          ...input,
          activeIncidentImpacts: [...input.activeIncidentImpacts, impact],
        });
        expect(RANK[withIncident.indicator]).toBeGreaterThanOrEqual(before);
        const withOutage = aggregateStatus({
          ...input,
          componentStatuses: [...input.componentStatuses, "MAJOR_OUTAGE"],
        });
        expect(RANK[withOutage.indicator]).toBeGreaterThanOrEqual(Math.min(before, RANK.MAJOR));
      }),
    );
  });

  test("always uses one of Statuspage's descriptions, matching its indicator", () => {
    const wording = {
      "All Systems Operational": "NONE",
      "Service Under Maintenance": "MAINTENANCE",
      "Partially Degraded Service": "MINOR",
      "Degraded System Service": "MINOR",
      "Minor Service Outage": "MINOR",
      "Partial System Outage": "MAJOR",
      "Major System Outage": "CRITICAL",
    } as Record<string, string>;
    fc.assert(
      fc.property(pages, (input) => {
        const { indicator, description } = aggregateStatus(input);
        expect(wording[description]).toBe(indicator);
      }),
    );
  });
});
