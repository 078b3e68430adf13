import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aMember, MINUTE } from "../../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
  await api.must(`mutation { updateOrganization(input: { timezone: "America/New_York" }) { timezone } }`);
});
afterAll(() => api?.close());

const runDue = () => api.app.services.timers.runDue();
/** Moves the test clock forward to `iso`. */
const setClock = (iso: string) => api.clock.advance(Date.parse(iso) - api.clock.now().getTime());

async function inbox(token: string, incidentId: string) {
  const data = await api.must(
    `{ notifications(first: 100) { edges { node { kind title body incident { id } } } } }`,
    {},
    token,
  );
  return data.notifications.edges
    .map((e: any) => e.node)
    .filter((n: any) => n.incident?.id === incidentId)
    .map(({ kind, title, body }: any) => ({ kind, title, body }));
}

/** A major incident with its liaison (on duty) and a commander. */
async function majorIncident(liaisonId: string, commanderId: string) {
  await api.must(`mutation($l: [ID!]) { updateOrganization(input: { liaisonUserIds: $l }) { id } }`, {
    l: [liaisonId],
  });
  const incident = (
    await api.must(`mutation { reportIncident(input: { title: "Checkout down", severity: SEV2 }) { id number } }`)
  ).reportIncident;
  await api.must(
    `mutation($i: ID!, $u: ID!) { assignIncidentRole(incidentId: $i, role: COMMANDER, userId: $u) { id } }`,
    { i: incident.id, u: commanderId },
  );
  return incident;
}

describe("cadence reminders and pages are worded for their reader", () => {
  test("regression: a reader in New York was told 'was due at 2026-11-29T17:16:13.298Z' before the deadline", async () => {
    setClock("2030-01-15T15:00:10Z"); // 10:00 EST
    const liaison = await aMember(api, "SUPPORT_AGENT"); // follows the organization: New York
    const commander = await aMember(api, "RESPONDER");
    await api.must(
      `mutation($u: ID!) { setUserTimezone(userId: $u, timezone: "Europe/Berlin") { id } }`,
      { u: commander.id },
      commander.token,
    );
    const manager = (
      await api.must(
        `mutation { createUser(input: { name: "Mia Manager", email: "mia@example.test", role: RESPONDER, timezone: "Asia/Tokyo" }) { user { id } token } }`,
      )
    ).createUser;
    await api.must(`mutation($u: ID!, $m: ID) { setUserManager(userId: $u, managerId: $m) { id } }`, {
      u: commander.id,
      m: manager.user.id,
    });
    const incident = await majorIncident(liaison.id, commander.id);

    api.clock.advance(3 * MINUTE + 1000);
    await runDue();
    const reminder = {
      kind: "CADENCE_REMINDER",
      title: `Incident #${incident.number} "Checkout down": impact assessment due in 2 minutes`,
    };
    expect(await inbox(liaison.token, incident.id)).toEqual([
      { ...reminder, body: "The impact assessment is due at 10:05 EST, in 2 minutes." },
    ]);
    expect(await inbox(commander.token, incident.id)).toEqual([
      { ...reminder, body: "The impact assessment is due at 16:05 GMT+1, in 2 minutes." },
    ]);

    api.clock.advance(3 * MINUTE);
    await runDue();
    expect((await inbox(commander.token, incident.id))[0]).toEqual({
      kind: "CADENCE_OVERDUE",
      title: `Incident #${incident.number} "Checkout down": impact assessment is overdue`,
      body: "The impact assessment was due at 16:05 GMT+1, 1 minute ago.",
    });

    api.clock.advance(4 * MINUTE);
    await runDue();
    await runDue();
    expect(await inbox(manager.token, incident.id)).toEqual([
      {
        kind: "CADENCE_OVERDUE",
        title: expect.stringContaining("impact assessment still overdue"),
        body: "The impact assessment was due at 00:05 GMT+9, 5 minutes ago.",
      },
    ]);
  });

  test("in summer the organization's readers get daylight saving time", async () => {
    setClock("2030-07-15T14:00:10Z"); // 10:00 EDT
    const liaison = await aMember(api, "SUPPORT_AGENT");
    const commander = await aMember(api, "RESPONDER");
    const incident = await majorIncident(liaison.id, commander.id);
    api.clock.advance(3 * MINUTE + 1000);
    await runDue();
    expect((await inbox(liaison.token, incident.id)).map((n: any) => n.body)).toEqual([
      "The impact assessment is due at 10:05 EDT, in 2 minutes.",
    ]);
  });

  test("a reader who clears their own zone follows the organization's again", async () => {
    setClock("2030-07-16T14:00:10Z");
    const liaison = await aMember(api, "SUPPORT_AGENT");
    const commander = await aMember(api, "RESPONDER");
    const set = `mutation($u: ID!, $z: String) { setUserTimezone(userId: $u, timezone: $z) { timezone } }`;
    await api.must(set, { u: liaison.id, z: "Europe/London" }, liaison.token);
    await api.must(set, { u: liaison.id, z: null }, liaison.token);
    const incident = await majorIncident(liaison.id, commander.id);
    api.clock.advance(3 * MINUTE + 1000);
    await runDue();
    expect((await inbox(liaison.token, incident.id)).map((n: any) => n.body)).toEqual([
      "The impact assessment is due at 10:05 EDT, in 2 minutes.",
    ]);
  });
});
