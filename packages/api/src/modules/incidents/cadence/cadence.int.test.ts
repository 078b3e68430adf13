import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { anAccount, aMember, MINUTE } from "../../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../../test/harness.js";

let api: TestApi;
let liaison: { id: string; token: string };
let commander: { id: string; token: string };
let manager: { id: string; token: string };
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
  liaison = await aMember(api, "SUPPORT_AGENT");
  commander = await aMember(api, "RESPONDER");
  manager = await aMember(api, "RESPONDER");
  await api.must(`mutation($u: ID!, $m: ID) { setUserManager(userId: $u, managerId: $m) { id } }`, {
    u: commander.id,
    m: manager.id,
  });
  await api.must(`mutation($l: [ID!]) { updateOrganization(input: { liaisonUserIds: $l }) { id } }`, {
    l: [liaison.id],
  });
});
afterAll(() => api?.close());
beforeEach(async () => {
  await api.sql("DELETE FROM notification");
});

const runDue = () => api.app.services.timers.runDue();

async function majorIncident() {
  const incident = (
    await api.must(
      `mutation { reportIncident(input: { title: "Checkout down", severity: SEV2 }) { id liaison { id } } }`,
    )
  ).reportIncident;
  expect(incident.liaison.id).toBe(liaison.id);
  await api.must(
    `mutation($i: ID!, $u: ID!) { assignIncidentRole(incidentId: $i, role: COMMANDER, userId: $u) { id } }`,
    { i: incident.id, u: commander.id },
  );
  return incident;
}

/** What the cadence tells people (the playbook's ROLE_ASSIGNED notices are tested in playbook.int.test.ts). */
async function inbox(token: string) {
  const data = await api.must(
    `{ notifications(first: 100) { edges { node { kind title incident { id } } } } }`,
    {},
    token,
  );
  return data.notifications.edges.map((e: any) => e.node).filter((n: any) => n.kind !== "ROLE_ASSIGNED");
}

const postUpdate = (id: string, visibility = "PUBLIC") =>
  api.must(
    `mutation($id: ID!, $v: UpdateVisibility!) { postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, message: "Found it", visibility: $v }) { id } }`,
    { id, v: visibility },
  );

describe("cadence reminders", () => {
  test("liaison and commander are reminded 2 minutes before, the commander paged when overdue, then the manager", async () => {
    const incident = await majorIncident();
    api.clock.advance(2 * MINUTE);
    await runDue();
    expect(await inbox(liaison.token)).toEqual([]);
    api.clock.advance(MINUTE + 1000);
    await runDue();
    for (const who of [liaison, commander])
      expect(await inbox(who.token)).toEqual([
        {
          kind: "CADENCE_REMINDER",
          title: expect.stringContaining("impact assessment due in 2 min"),
          incident: { id: incident.id },
        },
      ]);
    api.clock.advance(2 * MINUTE);
    await runDue();
    expect((await inbox(commander.token)).map((n: any) => n.title)).toContainEqual(
      expect.stringContaining("impact assessment is overdue"),
    );
    expect(await inbox(manager.token)).toEqual([]);
    api.clock.advance(5 * MINUTE);
    await runDue();
    await runDue();
    expect(await inbox(manager.token)).toEqual([
      expect.objectContaining({
        kind: "CADENCE_OVERDUE",
        title: expect.stringContaining("impact assessment still overdue"),
      }),
    ]);
    expect((await inbox(liaison.token)).filter((n: any) => n.kind === "CADENCE_OVERDUE")).toEqual([]);
  });

  test("obligations met in time are never reminded; a public update moves the next one", async () => {
    const incident = await majorIncident();
    api.clock.advance(MINUTE);
    await api.must(
      `mutation($id: ID!) { assessImpact(incidentId: $id, input: { impact: MAJOR, componentStatuses: [], summary: "Checkout fails for EU" }) { id } }`,
      { id: incident.id },
    );
    api.clock.advance(9 * MINUTE);
    await postUpdate(incident.id);
    api.clock.advance(6 * MINUTE);
    await runDue();
    expect(await inbox(liaison.token)).toEqual([]);
    api.clock.advance(7 * MINUTE + 1000);
    await runDue();
    expect(await inbox(liaison.token)).toEqual([
      expect.objectContaining({
        kind: "CADENCE_REMINDER",
        title: expect.stringContaining("public status update due in 2 min"),
      }),
    ]);
    const compliance = await api.must(
      `query($id: ID!) { incident(id: $id) { cadenceCompliance { obligation state } } }`,
      { id: incident.id },
    );
    expect(compliance.incident.cadenceCompliance).toEqual([
      { obligation: "IMPACT_ASSESSMENT", state: "MET" },
      { obligation: "STATUS_UPDATE", state: "MET" },
      { obligation: "STATUS_UPDATE", state: "PENDING" },
    ]);
  });

  test("the reminder lead time is the organization's to choose", async () => {
    await api.must(
      `mutation { updateOrganization(input: { cadenceReminderLeadMinutes: 4 }) { cadenceReminderLeadMinutes } }`,
    );
    try {
      await majorIncident();
      api.clock.advance(MINUTE + 1000);
      await runDue();
      expect((await inbox(liaison.token)).map((n: any) => n.title)).toEqual([
        expect.stringContaining("impact assessment due in 4 min"),
      ]);
    } finally {
      await api.must(`mutation { updateOrganization(input: { cadenceReminderLeadMinutes: 2 }) { id } }`);
    }
  });

  test("a bad lead time is refused and changes nothing", async () => {
    const res = await api.gql(`mutation { updateOrganization(input: { cadenceReminderLeadMinutes: 0 }) { id } }`);
    expect(res.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(
      (await api.must(`{ organization { cadenceReminderLeadMinutes } }`)).organization.cadenceReminderLeadMinutes,
    ).toBe(2);
  });
});

describe("compliance", () => {
  test("share of obligations met over a period, by obligation", async () => {
    api.clock.advance(60 * MINUTE); // earlier tests' obligations fall due before this period
    const from = api.clock.now();
    const onTime = await majorIncident();
    await api.must(
      `mutation($id: ID!) { assessImpact(incidentId: $id, input: { impact: MAJOR, componentStatuses: [], summary: "x" }) { id } }`,
      { id: onTime.id },
    );
    const late = await majorIncident();
    api.clock.advance(6 * MINUTE);
    await api.must(
      `mutation($id: ID!) { assessImpact(incidentId: $id, input: { impact: MAJOR, componentStatuses: [], summary: "x" }) { id } }`,
      { id: late.id },
    );
    const to = new Date(api.clock.now().getTime() + 1000);
    const report = await api.must(
      `query($f: DateTime!, $t: DateTime!) { cadenceCompliance(from: $f, to: $t) { obligations { obligation total met missed shareMet } overall { total shareMet } } }`,
      { f: from.toISOString(), t: to.toISOString() },
    );
    expect(report.cadenceCompliance.obligations).toContainEqual({
      obligation: "IMPACT_ASSESSMENT",
      total: 2,
      met: 1,
      missed: 1,
      shareMet: 0.5,
    });
    expect(report.cadenceCompliance.obligations).toContainEqual({
      obligation: "POST_INCIDENT_REPORT",
      total: 0,
      met: 0,
      missed: 0,
      shareMet: null,
    });
    const bad = await api.gql(`query($f: DateTime!) { cadenceCompliance(from: $f, to: $f) { overall { total } } }`, {
      f: from.toISOString(),
    });
    expect(bad.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("customers of linked tickets", () => {
  test("hear the incident's public updates, not its internal notes", async () => {
    const account = await anAccount(api);
    const customer = await aMember(api, "CUSTOMER", { accountId: account.id });
    const incident = await majorIncident();
    const ticket = (
      await api.must(
        `mutation { openTicket(input: { subject: "Checkout?", priority: P2 }) { id } }`,
        {},
        customer.token,
      )
    ).openTicket;
    await api.must(`mutation($t: ID!, $i: ID) { linkTicketToIncident(ticketId: $t, incidentId: $i) { id } }`, {
      t: ticket.id,
      i: incident.id,
    });
    await postUpdate(incident.id, "INTERNAL");
    expect(await inbox(customer.token)).toEqual([]);
    await postUpdate(incident.id, "PUBLIC");
    expect(await inbox(customer.token)).toEqual([
      { kind: "INCIDENT_UPDATE", title: expect.stringContaining("Checkout down"), incident: { id: incident.id } },
    ]);
  });
});
