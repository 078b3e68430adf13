// The liaison's workflow, end to end, as customers see it on the status site: a monitoring alert opens an
// incident only staff know of; the liaison the playbook assigned tells customers, corrects a slip, resolves,
// and publishes the reports. Staff act over the API (they have no pages here); everything asserted is what a
// reader of the page or of the Statuspage JSON sees.
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../api/src/test/harness.js";
import { eventually, startSiteFor, type RunningSite } from "./support.js";

let api: TestApi;
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  site = await startSiteFor(api);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await api?.close();
});

const INTERNAL_TITLE = "pg-checkout-1: replication lag 45s, writes timing out";
const PUBLIC_TITLE = "Payments failing at checkout";

const json = async (path: string) => (await fetch(`${site.url}${path}`)).json() as Promise<any>;
const publicIncident = async (id: string) =>
  ((await json("/api/v2/incidents.json")).incidents as any[]).find((i) => i.id === id);

/** Opens a page of the site as a visitor would, waiting until it follows changes live. */
async function visit(path: string): Promise<Page> {
  const page = await (await browser.newContext({ timezoneId: "UTC" })).newPage();
  const response = await page.goto(`${site.url}${path}`);
  expect(response?.status()).toBeLessThan(500);
  return page;
}

async function live(page: Page) {
  await page.waitForFunction(() => document.body.dataset["liveState"] === "on", undefined, { timeout: 10_000 });
}

/** What `staff` does through the API, failing loudly when refused. */
const as =
  (token: string) =>
  (query: string, variables: Record<string, unknown> = {}) =>
    api.must(query, variables, token);

test("an alert becomes an incident that customers hear of from the liaison, corrected, resolved and explained", async () => {
  // ── The organization: a component on the page, a liaison on duty, a monitoring integration ──
  const admin = as(api.adminToken);
  const checkout = (await admin(`mutation { createComponent(input: { name: "Checkout", position: 1 }) { id } }`))
    .createComponent.id as string;
  const { createUser: liaisonUser } = await admin(
    `mutation { createUser(input: { name: "Lena Liaison", email: "lena@liaison.test", role: SUPPORT_AGENT }) { user { id } token } }`,
  );
  const liaison = as(liaisonUser.token);
  await admin(
    `mutation($ids: [ID!]) { updateOrganization(input: {
       liaisonUserIds: $ids, conferenceBridge: { url: "https://meet.example.com/major", dialIn: "+1 555 0100" } }) { name } }`,
    { ids: [liaisonUser.user.id] },
  );
  const service = (await admin(`mutation { createService(input: { name: "Payments" }) { id } }`)).createService.id;
  const { routingKey } = (
    await admin(`mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { routingKey } }`, {
      input: {
        serviceId: service,
        name: "Database monitoring",
        componentIds: [checkout],
        incidentSeverities: [{ severity: "critical", incidentSeverity: "SEV1" }],
      },
    })
  ).createIntegration;

  // A customer has the status page open.
  const home = await visit("/");
  await live(home);
  await expect.poll(() => home.locator("#overall").textContent()).toBe("All Systems Operational");

  // ── 1. Monitoring raises an alert through the Events API ──
  const enqueued = await fetch(`${api.url}/v2/enqueue`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      routing_key: routingKey,
      event_action: "trigger",
      dedup_key: "pg-checkout-1-lag",
      payload: { summary: INTERNAL_TITLE, source: "pg-checkout-1", severity: "critical" },
    }),
  });
  expect(enqueued.status).toBe(202);
  const { incidents } = await liaison(
    `{ incidents(first: 5, filter: { active: true }) { edges { node { id title } } } }`,
  );
  const incident = incidents.edges.map((e: any) => e.node).find((i: any) => i.title === INTERNAL_TITLE);
  expect(incident, "the alert opened an incident").toBeTruthy();
  const id = incident.id as string;

  // ── 2. Customers see nothing of it yet ──
  expect((await fetch(`${site.url}/incidents/${id}`)).status).toBe(404);
  expect(await publicIncident(id)).toBeUndefined();
  expect((await json("/api/v2/summary.json")).incidents).toEqual([]);
  expect(await home.locator("#overall").textContent()).toBe("All Systems Operational");
  expect(await home.content()).not.toContain("replication lag");

  // ── 3. The playbook made Lena the liaison and told her at once ──
  const { notifications } = await liaison(
    `{ notifications(first: 10) { edges { node { kind title incident { id } } } } }`,
  );
  expect(notifications.edges.map((e: any) => e.node)).toContainEqual(
    expect.objectContaining({ kind: "ROLE_ASSIGNED", incident: { id } }),
  );
  expect((await liaison(`query($id: ID!) { incident(id: $id) { liaison { id } } }`, { id })).incident.liaison).toEqual({
    id: liaisonUser.user.id,
  });

  // ── 4. Lena names it for customers and posts the first PUBLIC update ──
  await liaison(
    `mutation($id: ID!, $t: String) { updateIncident(incidentId: $id, input: { publicTitle: $t }) { id } }`,
    {
      id,
      t: PUBLIC_TITLE,
    },
  );
  const first = (
    await liaison(
      `mutation($id: ID!, $input: PostStatusUpdateInput!) { postStatusUpdate(incidentId: $id, input: $input) { id } }`,
      {
        id,
        input: {
          status: "INVESTIGATING",
          visibility: "PUBLIC",
          message: "Some card payments fail at checkout. We are investigating.",
          componentStatuses: [{ componentId: checkout, status: "PARTIAL_OUTAGE" }],
        },
      },
    )
  ).postStatusUpdate.id as string;

  // The open page shows it without a reload, under its public name only.
  await home.getByText(PUBLIC_TITLE).first().waitFor({ timeout: 10_000 });
  await home.getByText("Some card payments fail at checkout. We are investigating.").waitFor();
  expect(await home.locator("#overall").textContent()).not.toBe("All Systems Operational");
  expect(await home.content()).not.toContain("replication lag");
  const announced = await eventually(async () => {
    const it = await publicIncident(id);
    expect(it).toMatchObject({ name: PUBLIC_TITLE, status: "investigating" });
    return it;
  });
  expect(announced.incident_updates.map((u: any) => u.body)).toEqual([
    "Some card payments fail at checkout. We are investigating.",
  ]);
  expect(JSON.stringify(await json("/api/v2/summary.json"))).not.toContain("replication lag");

  // ── 5. A slip corrected: the page shows the new words, marked as edited ──
  const incidentPage = await visit(`/incidents/${id}`);
  await live(incidentPage);
  expect(await incidentPage.getByRole("heading", { level: 1 }).textContent()).toBe(PUBLIC_TITLE);
  await liaison(
    `mutation($u: ID!) { editStatusUpdate(updateId: $u, input: { message: "Some card payments fail at checkout; PayPal works. We are investigating." }) { id } }`,
    { u: first },
  );
  await incidentPage.getByText("Some card payments fail at checkout; PayPal works. We are investigating.").waitFor({
    timeout: 10_000,
  });
  expect(await incidentPage.getByText("Some card payments fail at checkout. We are investigating.").count()).toBe(0);
  expect(await incidentPage.locator(".edited").first().textContent()).toMatch(/^edited /);
  await eventually(async () => {
    const [update] = (await publicIncident(id)).incident_updates;
    expect(update.body).toBe("Some card payments fail at checkout; PayPal works. We are investigating.");
    expect(Date.parse(update.updated_at)).toBeGreaterThanOrEqual(Date.parse(update.created_at));
  });

  // ── 6. Resolved ──
  await liaison(
    `mutation($id: ID!, $input: PostStatusUpdateInput!) { postStatusUpdate(incidentId: $id, input: $input) { id } }`,
    {
      id,
      input: {
        status: "RESOLVED",
        visibility: "PUBLIC",
        message: "Payments work again. A report will follow.",
        componentStatuses: [{ componentId: checkout, status: "OPERATIONAL" }],
      },
    },
  );
  await incidentPage.getByText("Payments work again. A report will follow.").waitFor({ timeout: 10_000 });
  await incidentPage.locator(".status", { hasText: "Resolved" }).first().waitFor();
  await eventually(async () => expect((await publicIncident(id)).status).toBe("resolved"));
  await expect.poll(() => home.locator("#overall").textContent(), { timeout: 10_000 }).toBe("All Systems Operational");

  // ── 7. The preliminary report, then the post-incident report ──
  const publish = (input: Record<string, unknown>) =>
    liaison(
      `mutation($id: ID!, $input: PublishIncidentReportInput!) { publishIncidentReport(incidentId: $id, input: $input) { id } }`,
      { id, input },
    );
  await publish({ kind: "PRELIMINARY", summary: "Card payments failed for 25 minutes; PayPal was unaffected." });
  await incidentPage.getByRole("link", { name: "Preliminary report" }).waitFor({ timeout: 10_000 });
  // A preliminary report does not make it a postmortem.
  await eventually(async () => expect((await publicIncident(id)).status).toBe("resolved"));

  await publish({
    kind: "POST_INCIDENT",
    summary: "Card payments failed for 25 minutes while the payments database fell behind.",
    rootCause: "A long-running migration held a lock on the payments table.",
    actionItems: ["Run migrations that lock large tables outside business hours"],
  });
  const postmortem = await eventually(async () => {
    const it = await publicIncident(id);
    expect(it.status).toBe("postmortem");
    return it;
  });
  // Still resolved when it was; created before it was resolved; the timeline as it was.
  expect(postmortem.resolved_at).not.toBeNull();
  expect(Date.parse(postmortem.created_at)).toBeLessThanOrEqual(Date.parse(postmortem.resolved_at));
  expect(postmortem.incident_updates.map((u: any) => u.status)).toEqual(["resolved", "investigating"]);
  expect((await json("/api/v2/incidents/unresolved.json")).incidents).toEqual([]);

  // The incident page links the report, which tells what happened and what changes.
  await incidentPage.getByRole("link", { name: "Post-incident report" }).click();
  await incidentPage.waitForURL(`${site.url}/incidents/${id}/reports/post-incident`);
  await incidentPage.getByText("A long-running migration held a lock on the payments table.").waitFor();
  await incidentPage.getByText("Run migrations that lock large tables outside business hours").waitFor();
  expect(await incidentPage.content()).not.toContain("replication lag");

  await incidentPage.context().close();
  await home.context().close();
}, 120_000);
