import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

test("regression: a public status update moves the incident's and the status page's updatedAt", async () => {
  const { reportIncident } = await api.must(
    `mutation { reportIncident(input: { title: "Slow search", severity: SEV3 }) { id updatedAt } }`,
  );
  const page = async () => (await api.must("{ statusPage { updatedAt } }", {}, null)).statusPage.updatedAt as string;
  const pageBefore = await page();
  api.clock.advance(60_000);
  await api.must(
    `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, message: "Found it", visibility: PUBLIC }) { id } }`,
    { id: reportIncident.id },
  );
  const { incident } = await api.must(`query($id: ID!) { incident(id: $id) { updatedAt } }`, { id: reportIncident.id });
  expect(Date.parse(incident.updatedAt)).toBeGreaterThan(Date.parse(reportIncident.updatedAt));
  expect(Date.parse(await page())).toBeGreaterThan(Date.parse(pageBefore));
});
