import "reflect-metadata";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../test/harness.js";
import { DEMO_TOKENS, seedDemo } from "./demo-seed.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
  await seedDemo(api.app);
});
afterAll(() => api?.close());

test("the demo ships templates for its cadence, and they fill in for its open incident", async () => {
  const token = DEMO_TOKENS.SUPPORT_AGENT;
  const { incidentTemplates } = await api.must(`{ incidentTemplates { id name visibility } }`, {}, token);
  expect(incidentTemplates.map((t: any) => t.name)).toEqual([
    "15-minute update",
    "Initial assessment",
    "Preliminary report",
    "Resolution",
  ]);
  const open = (
    await api.must(`{ incidents(filter: { active: true }, first: 5) { edges { node { id title } } } }`, {}, token)
  ).incidents.edges[0].node;
  const update = await api.must(
    `mutation($id: ID!, $t: ID!) { postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, templateId: $t }) { message visibility } }`,
    { id: open.id, t: incidentTemplates.find((t: any) => t.name === "15-minute update").id },
    token,
  );
  expect(update.postStatusUpdate).toEqual({
    visibility: "PUBLIC",
    message: expect.stringMatching(
      new RegExp(
        `^We are still working on ${open.title}, which affects API\\. We will post the next update by \\d\\d:\\d\\d E[SD]T\\.$`,
      ),
    ),
  });
});

test("the demo's support agent reads times in Pacific time, the others in the organization's", async () => {
  const me = async (token: string) => (await api.must(`{ me { timezone } }`, {}, token)).me.timezone;
  expect(await me(DEMO_TOKENS.SUPPORT_AGENT)).toBe("America/Los_Angeles");
  expect(await me(DEMO_TOKENS.RESPONDER)).toBeNull();
});
