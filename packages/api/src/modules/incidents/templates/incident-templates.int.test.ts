import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aComponent, anIncident, aUser, postUpdate, snapshot } from "../../../test/factories.js";
import { anAccount } from "../../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../../test/harness.js";

let api: TestApi;
let responder: { user: { id: string }; token: string };
let agent: { user: { id: string }; token: string };
beforeAll(async () => {
  api = await startTestApi();
  responder = await aUser(api, "RESPONDER");
  agent = await aUser(api, "SUPPORT_AGENT");
  await api.must(`mutation { updateOrganization(input: { timezone: "America/New_York" }) { timezone } }`);
});
afterAll(() => api?.close());

const MIN = 60_000;
const TEMPLATE_FIELDS = "id name title message severity componentIds visibility";
let names = 0;

const createTemplate = (input: Record<string, unknown>, token?: string) =>
  api.gql(
    `mutation($input: CreateIncidentTemplateInput!) { createIncidentTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`,
    { input: { name: `Template ${++names}`, message: "We are looking into it.", ...input } },
    token,
  );

async function aTemplate(input: Record<string, unknown>) {
  const res = await createTemplate(input);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as any).createIncidentTemplate as Record<string, any>;
}

const templateCount = async () =>
  Number((await api.sql<{ n: string }>("SELECT count(*) AS n FROM incident_template"))[0]!.n);

/** Moves the test clock to `iso` (later than now). */
const setClock = (iso: string) => api.clock.advance(Date.parse(iso) - api.clock.now().getTime());

describe("managing templates", () => {
  test("responders create, edit and delete them; every member of staff reads them", async () => {
    const api1 = await aComponent(api, "Checkout API");
    const created = (
      await createTemplate(
        {
          name: "Checkout degraded",
          title: "Checkout is slow",
          message: "We are investigating slow responses from {{components}}. Next update by {{nextUpdateDueAt}}.",
          severity: "SEV2",
          componentIds: [api1.id],
          visibility: "PUBLIC",
        },
        responder.token,
      )
    ).data as any;
    const template = created.createIncidentTemplate;
    expect(template).toMatchObject({ name: "Checkout degraded", severity: "SEV2", componentIds: [api1.id] });

    const listed = await api.must(`{ incidentTemplates { ${TEMPLATE_FIELDS} } }`, {}, agent.token);
    expect(listed.incidentTemplates).toContainEqual(template);

    const updated = await api.must(
      `mutation($id: ID!) { updateIncidentTemplate(id: $id, input: { title: null, severity: SEV3 }) { ${TEMPLATE_FIELDS} } }`,
      { id: template.id },
      responder.token,
    );
    expect(updated.updateIncidentTemplate).toEqual({ ...template, title: null, severity: "SEV3" });

    expect(
      await api.must(`mutation($id: ID!) { deleteIncidentTemplate(id: $id) }`, { id: template.id }, responder.token),
    ).toEqual({ deleteIncidentTemplate: true });
    const after = await api.must(`{ incidentTemplates { id } }`);
    expect(after.incidentTemplates).not.toContainEqual({ id: template.id });
  });

  test("support agents read but do not manage templates; customers and anonymous readers do neither", async () => {
    const account = await anAccount(api);
    const customer = await aUser(api, "CUSTOMER", { accountId: account.id });
    const template = await aTemplate({});
    expect((await createTemplate({}, agent.token)).errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const del = await api.gql(
      `mutation($id: ID!) { deleteIncidentTemplate(id: $id) }`,
      { id: template.id },
      agent.token,
    );
    expect(del.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect((await api.gql(`{ incidentTemplates { id } }`, {}, customer.token)).errors?.[0]?.extensions.code).toBe(
      "FORBIDDEN",
    );
    expect((await api.gql(`{ incidentTemplates { id } }`, {}, null)).errors?.[0]?.extensions.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  test("bad templates change nothing: unknown placeholders, duplicate names, unknown components, control characters", async () => {
    await aTemplate({ name: "Resolution" });
    const before = await templateCount();
    const cases: [Record<string, unknown>, string, string | null][] = [
      [{ message: "{{incident.name}} is down" }, "BAD_USER_INPUT", "input.message"],
      [{ message: "   " }, "BAD_USER_INPUT", "input.message"],
      [{ name: "resolution" }, "CONFLICT", null],
      [{ componentIds: ["00000000-0000-4000-8000-00000000c0de"] }, "NOT_FOUND", null],
      [{ title: "Down\u0000" }, "BAD_USER_INPUT", "input.title"],
      [{ severity: "SEV9" }, "BAD_USER_INPUT", null],
    ];
    for (const [input, code, field] of cases) {
      const res = await createTemplate(input);
      expect(res.errors?.[0]?.extensions.code, JSON.stringify(input)).toBe(code);
      if (field) expect(res.errors?.[0]?.extensions.fields).toHaveProperty([field]);
    }
    const unknown = await api.gql(
      `mutation { updateIncidentTemplate(id: "00000000-0000-4000-8000-00000000feed", input: { name: "x" }) { id } }`,
    );
    expect(unknown.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect(await templateCount()).toBe(before);
  });
});

describe("reporting and posting with a template", () => {
  test("reportIncident takes the title, severity and components the input leaves out", async () => {
    const web = await aComponent(api, "Web app");
    const template = await aTemplate({ title: "Web app unavailable", severity: "SEV3", componentIds: [web.id] });
    const filled = await anIncident(api, {
      title: undefined,
      severity: undefined,
      componentIds: undefined,
      templateId: template.id,
    });
    expect(filled).toMatchObject({ title: "Web app unavailable", severity: "SEV3", components: [{ id: web.id }] });
    const given = await anIncident(api, {
      title: "Login fails",
      severity: "SEV2",
      componentIds: undefined,
      templateId: template.id,
    });
    expect(given).toMatchObject({ title: "Login fails", severity: "SEV2", components: [{ id: web.id }] });
  });

  test("without a title from either, or with an unknown template, nothing is reported", async () => {
    const untitled = await aTemplate({ severity: "SEV4" });
    const before = await snapshot(api);
    const res = await api.gql(`mutation($t: ID!) { reportIncident(input: { templateId: $t }) { id } }`, {
      t: untitled.id,
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.title": expect.any(String) },
    });
    const unknown = await api.gql(
      `mutation { reportIncident(input: { title: "x", severity: SEV3, templateId: "00000000-0000-4000-8000-00000000feed" }) { id } }`,
    );
    expect(unknown.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect(await snapshot(api)).toEqual(before);
  });

  test("a status update's message has its placeholders filled: public name, components, next update in the page's zone", async () => {
    setClock("2030-01-15T15:00:10Z"); // 10:00 in New York
    const checkout = await aComponent(api, "Checkout");
    const email = await aComponent(api, "Email");
    const template = await aTemplate({
      name: "15-minute update",
      message: "{{incident.title}}: {{components}} still affected. Next update by {{nextUpdateDueAt}}.",
      visibility: "PUBLIC",
    });
    const incident = await anIncident(api, { title: "Orders are delayed", componentIds: [checkout.id] });
    api.clock.advance(5 * MIN);
    const res = await postUpdate(api, incident.id, {
      message: undefined,
      visibility: undefined,
      templateId: template.id,
      componentStatuses: [{ componentId: email.id, status: "DEGRADED_PERFORMANCE" }],
    });
    expect(res.errors).toBeUndefined();
    const update = (res.data as any).postStatusUpdate;
    expect(update).toMatchObject({
      visibility: "PUBLIC",
      message: "Orders are delayed: Checkout and Email still affected. Next update by 10:20 EST.",
    });
    // What the reader is promised is what the cadence holds the team to.
    const cadence = (
      await api.must(`query($id: ID!) { incident(id: $id) { cadence { nextUpdateDueAt } } }`, { id: incident.id })
    ).incident.cadence;
    const newYork = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    expect(newYork.format(new Date(cadence.nextUpdateDueAt))).toBe("10:20");
  });

  test("a message given with the template wins, its placeholders filled too; without a template text stays as written", async () => {
    const template = await aTemplate({ message: "Template text", visibility: "INTERNAL" });
    const incident = await anIncident(api, { title: "Search is down" });
    const withTemplate = (
      await postUpdate(api, incident.id, {
        message: "Still working on {{incident.title}}.",
        visibility: undefined,
        templateId: template.id,
      })
    ).data as any;
    expect(withTemplate.postStatusUpdate).toMatchObject({
      message: "Still working on Search is down.",
      visibility: "INTERNAL",
    });
    const plain = (await postUpdate(api, incident.id, { message: "Literal {{components}}" })).data as any;
    expect(plain.postStatusUpdate.message).toBe("Literal {{components}}");
  });

  test("nothing is posted when the words are missing or cannot be filled", async () => {
    const noVisibility = await aTemplate({ message: "Resolved. Next update by {{nextUpdateDueAt}}." });
    const incident = await anIncident(api);
    const before = await snapshot(api);
    const missing = await postUpdate(api, incident.id, { message: undefined, visibility: undefined });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.message": "is required", "input.visibility": "is required" },
    });
    const resolved = await postUpdate(api, incident.id, {
      status: "RESOLVED",
      message: undefined,
      visibility: "PUBLIC",
      templateId: noVisibility.id,
    });
    expect(resolved.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.templateId": expect.stringContaining("resolved") },
    });
    const typo = await postUpdate(api, incident.id, { message: "{{component}} down", templateId: noVisibility.id });
    expect(typo.errors?.[0]?.extensions.fields).toHaveProperty(["input.message"]);
    const unknown = await postUpdate(api, incident.id, { templateId: "00000000-0000-4000-8000-00000000feed" });
    expect(unknown.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect(await snapshot(api)).toEqual(before);
  });

  test("a report's summary comes from the template's message", async () => {
    const template = await aTemplate({
      name: "Preliminary report",
      message:
        "{{incident.title}} affected {{components}}. A full post-incident report follows within 5 business days.",
    });
    const web = await aComponent(api, "Dashboard");
    const incident = await anIncident(api, { title: "Dashboard errors", componentIds: [web.id] });
    await postUpdate(api, incident.id, { status: "RESOLVED", message: "Fixed" });
    const report = await api.must(
      `mutation($id: ID!, $t: ID!) { publishIncidentReport(incidentId: $id, input: { kind: PRELIMINARY, templateId: $t }) { summary } }`,
      { id: incident.id, t: template.id },
    );
    expect(report.publishIncidentReport.summary).toBe(
      "Dashboard errors affected Dashboard. A full post-incident report follows within 5 business days.",
    );
  });
});
