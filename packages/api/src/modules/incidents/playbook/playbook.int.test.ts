import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { anIncident } from "../../../test/factories.js";
import { collect, startTestApi, waitFor, type TestApi } from "../../../test/harness.js";
import { aMember } from "../../../test/support-factories.js";

const WEEK = 7 * 86_400;

let api: TestApi;
let receiver: Server;
let hooksUrl: string;
const hooks: unknown[] = [];
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false }, settings: { webhookAllowedHosts: ["127.0.0.1"] } });
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += String(c)));
    req.on("end", () => {
      hooks.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  hooksUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await api?.close();
  await new Promise((r) => receiver?.close(r));
});

type Member = Awaited<ReturnType<typeof aMember>>;

const organization = (input: Record<string, unknown>) =>
  api.gql(
    `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
       playbookSeverities commanderScheduleId commanderSchedule { id } } }`,
    { input },
  );

async function aSchedule(onCall: Member) {
  const data = await api.must(`mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
    input: {
      name: `Commanders ${onCall.id}`,
      timezone: "UTC",
      layers: [
        { name: "Always", start: "2025-01-01T00:00:00Z", rotationTurnLengthSeconds: WEEK, userIds: [onCall.id] },
      ],
    },
  });
  return data.createSchedule.id as string;
}

const ROLES = `commander { id } liaison { id } conferenceBridge { url }
  timeline { kind message user { id } actor { id } byPlaybook }`;

async function roles(id: string) {
  return (await api.must(`query($id: ID!) { incident(id: $id) { ${ROLES} } }`, { id })).incident;
}

async function notificationsOf(member: Member) {
  const data = await api.must(
    `{ notifications(first: 20) { edges { node { kind title body incident { id } } } } }`,
    {},
    member.token,
  );
  return data.notifications.edges.map((e: { node: unknown }) => e.node) as {
    kind: string;
    title: string;
    body: string;
    incident: { id: string } | null;
  }[];
}

let liaison: Member;
beforeEach(async () => {
  liaison = await aMember(api, "SUPPORT_AGENT");
  const reset = await organization({
    liaisonUserIds: [liaison.id],
    conferenceBridge: { url: "https://meet.example.com/bridge", dialIn: "+1 555 0100" },
    commanderScheduleId: null,
    playbookSeverities: ["SEV1", "SEV2"],
  });
  expect(reset.errors).toBeUndefined();
});

describe("the major-incident playbook", () => {
  test("regression: the liaison it assigned was not told, and learnt of it from a cadence reminder", async () => {
    const agent = await aMember(api, "SUPPORT_AGENT");
    const baseline = api.app.services.bus.listenerCount();
    const live = collect<any>(api.ws(liaison.token), `subscription { notificationReceived { kind incident { id } } }`);
    await waitFor(() => api.app.services.bus.listenerCount() > baseline);

    const incident = await anIncident(api, { title: "Checkout down", severity: "SEV1" }, agent.token);
    expect(incident.liaison).toEqual({ id: liaison.id, name: liaison.name });
    const told = await notificationsOf(liaison);
    expect(told).toEqual([expect.objectContaining({ kind: "ROLE_ASSIGNED", incident: { id: incident.id } })]);
    expect(told[0]!.title).toBe(`You are the Customer Liaison of incident #${incident.number} "Checkout down"`);
    expect(told[0]!.body).toContain("https://meet.example.com/bridge");
    expect(told[0]!.body).toContain("Customers see nothing of it until a PUBLIC status update is posted");
    await live.until(1);
    expect(live.received[0]!.data.notificationReceived).toEqual({
      kind: "ROLE_ASSIGNED",
      incident: { id: incident.id },
    });
    live.unsubscribe();
  });

  test("the liaison is told through their channels: a webhook too, when they chose one", async () => {
    await api.must(
      `mutation { updateNotificationPreferences(input: { channels: [IN_APP, WEBHOOK], leadMinutes: [10] }) { channels } }`,
      {},
      liaison.token,
    );
    await api.must(
      `mutation($url: String!) { createWebhookEndpoint(input: { url: $url }) { secret } }`,
      { url: hooksUrl },
      liaison.token,
    );
    hooks.length = 0;
    const incident = await anIncident(api, { severity: "SEV2" });
    await api.app.services.timers.runDue();
    expect(hooks).toEqual([
      expect.objectContaining({
        type: "notification.created",
        data: expect.objectContaining({ kind: "ROLE_ASSIGNED", incidentId: incident.id }),
      }),
    ]);
  });

  test("regression: no commander was set even when a RESPONDER reported; the reporter is not told of their own role", async () => {
    const responder = await aMember(api, "RESPONDER");
    const incident = await anIncident(api, { severity: "SEV2" }, responder.token);
    expect(incident.commander).toEqual({ id: responder.id, name: responder.name });
    expect(await notificationsOf(responder)).toEqual([]);
    const { timeline } = await roles(incident.id);
    expect(timeline).toContainEqual({
      kind: "COMMANDER_ASSIGNED",
      message: `Incident Commander ${responder.name} (the reporter) assigned by the playbook`,
      user: { id: responder.id },
      actor: null,
      byPlaybook: true,
    });
  });

  test("otherwise the commander is whoever the commander schedule has on call, and they are told", async () => {
    const onCall = await aMember(api, "RESPONDER");
    const schedule = await aSchedule(onCall);
    const set = await organization({ commanderScheduleId: schedule });
    expect(set.data?.updateOrganization).toMatchObject({
      commanderScheduleId: schedule,
      commanderSchedule: { id: schedule },
    });
    const agent = await aMember(api, "SUPPORT_AGENT");
    const incident = await anIncident(api, { severity: "SEV1", title: "Payments failing" }, agent.token);
    expect(incident.commander).toEqual({ id: onCall.id, name: onCall.name });
    expect(await notificationsOf(onCall)).toEqual([
      expect.objectContaining({
        kind: "ROLE_ASSIGNED",
        title: `You are the Incident Commander of incident #${incident.number} "Payments failing"`,
      }),
    ]);
  });

  test("its steps show on the incident's timeline for staff, in order, and never to others", async () => {
    const agent = await aMember(api, "SUPPORT_AGENT");
    const incident = await anIncident(api, { severity: "SEV1" }, agent.token);
    const { timeline } = await roles(incident.id);
    expect(timeline.map((e: { kind: string; message: string }) => `${e.kind}: ${e.message}`)).toEqual([
      "PLAYBOOK_STARTED: Major-incident playbook started for SEV1",
      "ROLE_UNFILLED: No commander schedule set: assign an Incident Commander by hand",
      "BRIDGE_ATTACHED: Conference bridge attached: https://meet.example.com/bridge",
      `LIAISON_ASSIGNED: Customer Liaison ${liaison.name} (on duty) assigned by the playbook`,
      `ROLE_NOTIFIED: Customer Liaison ${liaison.name} notified`,
    ]);
    await api.must(
      `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: INVESTIGATING, message: "Looking", visibility: PUBLIC }) { id } }`,
      { id: incident.id },
    );
    const anonymous = await api.must(
      `query($id: ID!) { incident(id: $id) { id timeline { kind } } }`,
      { id: incident.id },
      null,
    );
    expect(anonymous.incident).toEqual({ id: incident.id, timeline: [] });
  });

  test("assigning a role by hand tells the new holder and lands on the timeline", async () => {
    const lead = await aMember(api, "RESPONDER");
    const other = await aMember(api, "SUPPORT_AGENT");
    const incident = await anIncident(api, { severity: "SEV3" });
    const assign = (role: string, userId: string) =>
      api.must(
        `mutation($id: ID!, $role: IncidentRole!, $u: ID!) { assignIncidentRole(incidentId: $id, role: $role, userId: $u) { id } }`,
        { id: incident.id, role, u: userId },
        lead.token,
      );
    await assign("LIAISON", other.id);
    await assign("COMMANDER", lead.id);
    expect(await notificationsOf(other)).toEqual([expect.objectContaining({ kind: "ROLE_ASSIGNED" })]);
    expect(await notificationsOf(lead)).toEqual([]);
    const { timeline, liaison: assigned } = await roles(incident.id);
    expect(assigned).toEqual({ id: other.id });
    expect(timeline).toEqual([
      {
        kind: "LIAISON_ASSIGNED",
        message: `Customer Liaison ${other.name} assigned by ${lead.name}`,
        user: { id: other.id },
        actor: { id: lead.id },
        byPlaybook: false,
      },
      {
        kind: "ROLE_NOTIFIED",
        message: `Customer Liaison ${other.name} notified`,
        user: { id: other.id },
        actor: { id: lead.id },
        byPlaybook: false,
      },
      {
        kind: "COMMANDER_ASSIGNED",
        message: `Incident Commander ${lead.name} assigned by ${lead.name}`,
        user: { id: lead.id },
        actor: { id: lead.id },
        byPlaybook: false,
      },
    ]);
  });
});

describe("the playbook is configured per organization", () => {
  test("which severities mobilize: SEV1 only, or SEV3 too", async () => {
    expect((await organization({ playbookSeverities: ["SEV1"] })).data?.updateOrganization.playbookSeverities).toEqual([
      "SEV1",
    ]);
    const sev2 = await anIncident(api, { severity: "SEV2" });
    expect(sev2).toMatchObject({ liaison: null, conferenceBridge: null });
    expect(await notificationsOf(liaison)).toEqual([]);

    await organization({ playbookSeverities: ["SEV3", "SEV1", "SEV2"] });
    const sev3 = await anIncident(api, { severity: "SEV3" });
    expect(sev3.liaison).toEqual({ id: liaison.id, name: liaison.name });
    expect(sev3.isMajor).toBe(false);
    const { organization: org } = await api.must(`{ organization { playbookSeverities } }`);
    expect(org.playbookSeverities).toEqual(["SEV1", "SEV2", "SEV3"]);
  });

  test("raising an incident into a mobilizing severity runs the playbook once", async () => {
    const incident = await anIncident(api, { severity: "SEV4" });
    const raise = (severity: string) =>
      api.must(
        `mutation($id: ID!, $s: Severity!) { updateIncident(incidentId: $id, input: { severity: $s }) { id } }`,
        {
          id: incident.id,
          s: severity,
        },
      );
    await raise("SEV2");
    await raise("SEV1");
    const { liaison: assigned, timeline } = await roles(incident.id);
    expect(assigned).toEqual({ id: liaison.id });
    expect(timeline.filter((e: { kind: string }) => e.kind === "PLAYBOOK_STARTED")).toHaveLength(1);
    expect(await notificationsOf(liaison)).toHaveLength(1);
  });

  test("no playbook at all: an empty list of severities", async () => {
    await organization({ playbookSeverities: [] });
    const incident = await anIncident(api, { severity: "SEV1" });
    expect(incident).toMatchObject({ liaison: null, commander: null, conferenceBridge: null });
  });

  test("refused settings change nothing: an unknown schedule is NOT_FOUND, an unknown severity bad input", async () => {
    const before = await api.must(`{ organization { playbookSeverities commanderScheduleId } }`);
    const unknown = await organization({
      commanderScheduleId: "00000000-0000-4000-8000-00000000dead",
      playbookSeverities: ["SEV1"],
    });
    expect(unknown.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const bad = await api.gql(`mutation { updateOrganization(input: { playbookSeverities: [SEV9] }) { id } }`);
    expect(bad.errors?.[0]?.extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(await api.must(`{ organization { playbookSeverities commanderScheduleId } }`)).toEqual(before);
  });
});
