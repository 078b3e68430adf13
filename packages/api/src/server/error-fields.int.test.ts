import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aComponent, anIncident } from "../test/factories.js";
import { startTestApi, type TestApi } from "../test/harness.js";

let api: TestApi;
let incidentId: string;
let componentId: string;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
  componentId = (await aComponent(api)).id;
  incidentId = (await anIncident(api, { componentIds: [componentId] }))["id"];
});
afterAll(() => api?.close());

async function fieldsOf(query: string, variables: Record<string, unknown> = {}) {
  const res = await api.gql(query, variables);
  expect(res.errors?.[0]?.extensions.code, JSON.stringify(res.errors)).toBe("BAD_USER_INPUT");
  return Object.keys(res.errors![0]!.extensions.fields ?? {});
}

describe("extensions.fields names the argument path as the client wrote it", () => {
  test.each([
    [
      "a variable named unlike its argument (was `in.in.layers`)",
      `mutation($in: CreateScheduleInput!) { createSchedule(input: $in) { id } }`,
      { in: { name: "Rota", layers: 5 } },
      ["input.layers"],
    ],
    [
      "a one-letter variable (was `i.i.source`)",
      `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
      { i: { title: "Down", severity: "SEV3", source: "PAGER" } },
      ["input.source"],
    ],
    [
      "an enum deep in a list",
      `mutation($id: ID!, $input: AssessImpactInput!) { assessImpact(incidentId: $id, input: $input) { id } }`,
      () => ({
        id: incidentId,
        input: { impact: "MINOR", summary: "s", componentStatuses: [{ componentId, status: "ON_FIRE" }] },
      }),
      ["input.componentStatuses.0.status"],
    ],
    [
      "a variable used inside an inline object",
      `mutation($sev: Severity!) { reportIncident(input: { title: "Down", severity: $sev }) { id } }`,
      { sev: "SEV9" },
      ["input.severity"],
    ],
    [
      "a required variable left out",
      `mutation($report: ReportIncidentInput!) { reportIncident(input: $report) { id } }`,
      {},
      ["input"],
    ],
    [
      "a required field missing from a variable",
      `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
      { input: { severity: "SEV3" } },
      ["input.title"],
    ],
    [
      "an unknown field in a variable",
      `mutation($c: CreateComponentInput!) { createComponent(input: $c) { id } }`,
      { c: { name: "x", colour: "red" } },
      ["input.colour"],
    ],
    [
      "a literal of the wrong type",
      `mutation { reportIncident(input: { title: 5, severity: SEV3 }) { id } }`,
      {},
      ["input.title"],
    ],
    [
      "a literal missing a required field",
      `mutation { createComponent(input: { description: "x" }) { id } }`,
      {},
      ["input.name"],
    ],
    [
      "an unknown field in a literal",
      `mutation { createComponent(input: { name: "x", colour: "red" }) { id } }`,
      {},
      ["input.colour"],
    ],
    ["a required argument left out", `mutation { createComponent { id } }`, {}, ["input"]],
    [
      "a service's own check (zod) on a variable named otherwise",
      `mutation($x: UpdateComponentInput!, $c: ID!) { updateComponent(id: $c, input: $x) { id } }`,
      () => ({ c: componentId, x: { name: "" } }),
      ["input.name"],
    ],
    [
      "a service's own check on a nested list item",
      `mutation($p: PublishIncidentReportInput!, $i: ID!) { publishIncidentReport(incidentId: $i, input: $p) { id } }`,
      () => ({ i: incidentId, p: { kind: "PRELIMINARY", summary: "s", actionItems: ["ok", ""] } }),
      ["input.actionItems.1"],
    ],
  ])("%s", async (_, query, variables, expected) => {
    const vars = typeof variables === "function" ? variables() : variables;
    expect(await fieldsOf(query, vars)).toEqual(expected);
  });
});

describe("request errors that were INTERNAL", () => {
  test("a persisted-query hash that does not match the query is BAD_USER_INPUT", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "{ statusPage { indicator } }",
        extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
  });

  test("more than 50 invalid values in variables are BAD_USER_INPUT, not INTERNAL", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({
        query: `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
        variables: { input: { title: "t", severity: "SEV3", componentIds: Array.from({ length: 60 }, () => ({})) } },
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.length).toBeGreaterThan(50);
    expect(new Set(body.errors.map((e) => e.extensions.code))).toEqual(new Set(["BAD_USER_INPUT"]));
  });
});
