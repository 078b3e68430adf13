import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collect, startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
let responderToken: string;
let agentToken: string;
const HOUR = 3_600_000;

const MAINTENANCE_FIELDS = `id title description status scheduledFor scheduledUntil startedAt completedAt cancelledAt
  components { id name status } updates { status message }`;
const CREATE = `mutation($input: CreateScheduledMaintenanceInput!) {
  createScheduledMaintenance(input: $input) { ${MAINTENANCE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateScheduledMaintenanceInput!) {
  updateScheduledMaintenance(id: $id, input: $input) { ${MAINTENANCE_FIELDS} } }`;
const START = `mutation($id: ID!, $message: String) { startScheduledMaintenance(id: $id, message: $message) { ${MAINTENANCE_FIELDS} } }`;
const COMPLETE = `mutation($id: ID!) { completeScheduledMaintenance(id: $id) { ${MAINTENANCE_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelScheduledMaintenance(id: $id) { ${MAINTENANCE_FIELDS} } }`;
const PAGE = `{ statusPage { indicator description components { id name status }
  scheduledMaintenances { id title status components { name } } } }`;

beforeAll(async () => {
  api = await startTestApi();
  const user = async (role: string) =>
    (
      await api.must(`mutation($input: CreateUserInput!) { createUser(input: $input) { token } }`, {
        input: { name: role, email: `${role.toLowerCase()}@example.com`, role },
      })
    ).createUser.token as string;
  responderToken = await user("RESPONDER");
  agentToken = await user("SUPPORT_AGENT");
});
afterAll(() => api?.close());

let counter = 0;
async function component(name = `Component ${++counter}`) {
  const { createComponent } = await api.must(
    `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id name } }`,
    { input: { name } },
  );
  return createComponent as { id: string; name: string };
}

function window(startInHours = 1, hours = 2) {
  const from = api.clock.now().getTime() + startInHours * HOUR;
  return { scheduledFor: new Date(from).toISOString(), scheduledUntil: new Date(from + hours * HOUR).toISOString() };
}

async function schedule(componentIds: string[], title = "Database upgrade") {
  const { createScheduledMaintenance } = await api.must(CREATE, {
    input: { title, description: "We are upgrading the database.", componentIds, ...window() },
  });
  return createScheduledMaintenance as { id: string; status: string; scheduledFor: string; scheduledUntil: string };
}

async function snapshot() {
  return {
    maintenances: await api.sql("SELECT * FROM scheduled_maintenance ORDER BY id"),
    links: await api.sql("SELECT * FROM scheduled_maintenance_component ORDER BY maintenance_id, component_id"),
    updates: await api.sql("SELECT * FROM scheduled_maintenance_update ORDER BY id"),
    components: await api.sql("SELECT id, status FROM component ORDER BY id"),
    history: await api.sql("SELECT count(*)::int AS n FROM component_status_change"),
  };
}

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  code: string,
  token: string | null = api.adminToken,
) {
  const before = await snapshot();
  const res = await api.gql(query, variables, token);
  expect(res.errors?.[0]?.extensions.code).toBe(code);
  expect(await snapshot()).toEqual(before);
  return res.errors![0]!;
}

describe("createScheduledMaintenance", () => {
  test("announces the window on the status page, to anonymous readers too", async () => {
    const api1 = await component("Checkout API");
    const sub = collect(api.ws(null), "subscription { statusPageChanged { scheduledMaintenances { title } } }");
    await sub.started;
    await new Promise((r) => setTimeout(r, 100));
    const { createScheduledMaintenance: m } = await api.must(
      CREATE,
      {
        input: { title: "Checkout upgrade", description: "New card processor.", componentIds: [api1.id], ...window() },
      },
      responderToken,
    );
    expect(m).toMatchObject({
      title: "Checkout upgrade",
      status: "SCHEDULED",
      startedAt: null,
      components: [{ name: "Checkout API", status: "OPERATIONAL" }],
      updates: [{ status: "SCHEDULED", message: "New card processor." }],
    });
    const page = await api.must(PAGE, {}, null);
    expect(page.statusPage.scheduledMaintenances).toContainEqual(
      expect.objectContaining({ id: m.id, title: "Checkout upgrade", status: "SCHEDULED" }),
    );
    // Scheduled is not yet under way: the page stays operational.
    expect(page.statusPage.indicator).toBe("NONE");
    const read = await api.must(`query($id: ID!) { scheduledMaintenance(id: $id) { title } }`, { id: m.id }, null);
    expect(read.scheduledMaintenance.title).toBe("Checkout upgrade");
    await sub.until(1);
    expect(sub.received.at(-1)?.data).toMatchObject({
      statusPageChanged: { scheduledMaintenances: expect.arrayContaining([{ title: "Checkout upgrade" }]) },
    });
  });

  test.each([
    ["an empty title", { title: " " }, "input.title"],
    ["a window that ends before it starts", { scheduledUntil: new Date(0).toISOString() }, "input.scheduledUntil"],
    ["a window that is already over", "past", "input.scheduledUntil"],
    ["a window longer than 31 days", "long", "input.scheduledUntil"],
    ["a component listed twice", "twice", "input.componentIds"],
  ])("refuses %s with BAD_USER_INPUT and changes nothing", async (_, change, field) => {
    const c = await component();
    let input: Record<string, unknown> = { title: "Upgrade", componentIds: [c.id], ...window() };
    if (change === "past") input = { ...input, ...window(-5, 2) };
    else if (change === "long") input = { ...input, ...window(1, 32 * 24) };
    else if (change === "twice") input = { ...input, componentIds: [c.id, c.id] };
    else input = { ...input, ...(change as object) };
    const error = await expectRefused(CREATE, { input }, "BAD_USER_INPUT");
    expect(Object.keys(error.extensions.fields ?? {})).toContain(field);
  });

  test("refuses an unknown component with NOT_FOUND and changes nothing", async () => {
    await expectRefused(
      CREATE,
      { input: { title: "Upgrade", componentIds: ["00000000-0000-4000-8000-00000000ffff"], ...window() } },
      "NOT_FOUND",
    );
  });

  test("is for admins and responders only", async () => {
    const input = { title: "Upgrade", componentIds: [], ...window() };
    await expectRefused(CREATE, { input }, "FORBIDDEN", agentToken);
    await expectRefused(CREATE, { input }, "UNAUTHENTICATED", null);
  });
});

describe("updateScheduledMaintenance", () => {
  test("moves the window, renames it, changes its components and posts a message", async () => {
    const [a, b] = [await component(), await component()];
    const m = await schedule([a.id]);
    const moved = window(3, 1);
    const { updateScheduledMaintenance: u } = await api.must(UPDATE, {
      id: m.id,
      input: { title: "Database upgrade, part 2", componentIds: [b.id], message: "Moved by two hours.", ...moved },
    });
    expect(u).toMatchObject({
      title: "Database upgrade, part 2",
      components: [{ id: b.id }],
      updates: [{ message: "Moved by two hours." }, { status: "SCHEDULED" }],
    });
    expect(new Date(u.scheduledFor).getTime()).toBe(new Date(moved.scheduledFor).getTime());
  });

  test("scheduledFor: null or scheduledUntil: null keeps the window, rather than moving it to 1970", async () => {
    const m = await schedule([]);
    const { updateScheduledMaintenance: u } = await api.must(UPDATE, {
      id: m.id,
      input: { title: "Renamed", scheduledFor: null, scheduledUntil: null },
    });
    expect(u).toMatchObject({ title: "Renamed", scheduledFor: m.scheduledFor, scheduledUntil: m.scheduledUntil });
  });

  test("refuses a window that would end before it starts", async () => {
    const m = await schedule([]);
    await expectRefused(
      UPDATE,
      { id: m.id, input: { scheduledUntil: new Date(api.clock.now().getTime() - HOUR).toISOString() } },
      "BAD_USER_INPUT",
    );
  });

  test("refuses to change the components of a window in progress", async () => {
    const [a, b] = [await component(), await component()];
    const m = await schedule([a.id]);
    await api.must(START, { id: m.id });
    await expectRefused(UPDATE, { id: m.id, input: { componentIds: [b.id] } }, "INVALID_TRANSITION");
  });

  test("refuses to change a completed window, and an unknown one", async () => {
    const m = await schedule([]);
    await api.must(START, { id: m.id });
    await api.must(COMPLETE, { id: m.id });
    await expectRefused(UPDATE, { id: m.id, input: { title: "Again" } }, "INVALID_TRANSITION");
    await expectRefused(UPDATE, { id: "00000000-0000-4000-8000-00000000fffe", input: { title: "Again" } }, "NOT_FOUND");
    await expectRefused(UPDATE, { id: "not-an-id", input: { title: "Again" } }, "NOT_FOUND");
  });

  test("is for admins and responders only", async () => {
    const m = await schedule([]);
    await expectRefused(UPDATE, { id: m.id, input: { title: "Mine" } }, "FORBIDDEN", agentToken);
  });
});

describe("startScheduledMaintenance", () => {
  test("puts its components under maintenance and the page shows it", async () => {
    const [a, b] = [await component("Search"), await component("Billing")];
    const m = await schedule([a.id]);
    const { startScheduledMaintenance: s } = await api.must(
      START,
      { id: m.id, message: "Starting now." },
      responderToken,
    );
    expect(s.status).toBe("IN_PROGRESS");
    expect(s.updates[0]).toEqual({ status: "IN_PROGRESS", message: "Starting now." });
    expect(s.startedAt).not.toBeNull();
    const page = (await api.must(PAGE, {}, null)).statusPage;
    expect(page.components.find((c: { id: string }) => c.id === a.id).status).toBe("UNDER_MAINTENANCE");
    expect(page.components.find((c: { id: string }) => c.id === b.id).status).toBe("OPERATIONAL");
    expect(page).toMatchObject({ indicator: "MAINTENANCE", description: "Service Under Maintenance" });
    // Maintenance is not an incident.
    const incidents = await api.must("{ incidents { edges { node { id } } } }", {}, null);
    expect(incidents.incidents.edges).toEqual([]);
    await api.must(COMPLETE, { id: m.id });
  });

  test("refuses a window already in progress, or cancelled", async () => {
    const m = await schedule([]);
    await api.must(START, { id: m.id });
    await expectRefused(START, { id: m.id }, "INVALID_TRANSITION");
    await api.must(COMPLETE, { id: m.id });
    const c = await schedule([]);
    await api.must(CANCEL, { id: c.id });
    await expectRefused(START, { id: c.id }, "INVALID_TRANSITION");
  });

  test("refuses unknown windows and other roles", async () => {
    await expectRefused(START, { id: "00000000-0000-4000-8000-00000000fffd" }, "NOT_FOUND");
    const m = await schedule([]);
    await expectRefused(START, { id: m.id }, "FORBIDDEN", agentToken);
    await expectRefused(START, { id: m.id, message: "x".repeat(5001) }, "BAD_USER_INPUT");
  });
});

describe("completeScheduledMaintenance", () => {
  test("returns components to the status they had before", async () => {
    const calm = await component("Dashboard");
    const troubled = await component("Webhooks");
    const { reportIncident } = await api.must(
      `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
      { input: { title: "Slow webhooks", severity: "SEV3", componentIds: [troubled.id] } },
    );
    await api.must(
      `mutation($id: ID!, $input: AssessImpactInput!) { assessImpact(incidentId: $id, input: $input) { id } }`,
      {
        id: reportIncident.id,
        input: {
          impact: "MINOR",
          summary: "Slow",
          componentStatuses: [{ componentId: troubled.id, status: "DEGRADED_PERFORMANCE" }],
        },
      },
    );
    const m = await schedule([calm.id, troubled.id]);
    await api.must(START, { id: m.id });
    const { completeScheduledMaintenance: done } = await api.must(COMPLETE, { id: m.id }, responderToken);
    expect(done.status).toBe("COMPLETED");
    expect(done.completedAt).not.toBeNull();
    const statuses = Object.fromEntries(
      (await api.must(PAGE, {}, null)).statusPage.components.map((c: { id: string; status: string }) => [
        c.id,
        c.status,
      ]),
    );
    expect(statuses[calm.id]).toBe("OPERATIONAL");
    expect(statuses[troubled.id]).toBe("DEGRADED_PERFORMANCE");
    const page = (await api.must(PAGE, {}, null)).statusPage;
    expect(page.scheduledMaintenances.map((x: { id: string }) => x.id)).not.toContain(m.id);
    await api.must(
      `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: RESOLVED, message: "Fixed", visibility: PUBLIC }) { id } }`,
      { id: reportIncident.id },
    );
  });

  test("refuses a window that has not started", async () => {
    const m = await schedule([]);
    await expectRefused(COMPLETE, { id: m.id }, "INVALID_TRANSITION");
    await expectRefused(COMPLETE, { id: m.id }, "FORBIDDEN", agentToken);
  });
});

describe("cancelScheduledMaintenance", () => {
  test("takes the window off the page and keeps it in history", async () => {
    const m = await schedule([], "Network change");
    const { cancelScheduledMaintenance: c } = await api.must(CANCEL, { id: m.id }, responderToken);
    expect(c).toMatchObject({ status: "CANCELLED", updates: [{ status: "CANCELLED" }, { status: "SCHEDULED" }] });
    const page = (await api.must(PAGE, {}, null)).statusPage;
    expect(page.scheduledMaintenances.map((x: { id: string }) => x.id)).not.toContain(m.id);
    const list = await api.must(
      `{ scheduledMaintenances(filter: { status: [CANCELLED] }) { edges { node { id title } } } }`,
      {},
      null,
    );
    expect(list.scheduledMaintenances.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(m.id);
  });

  test("refuses a window in progress, one already cancelled, and other roles", async () => {
    const m = await schedule([]);
    await expectRefused(CANCEL, { id: m.id }, "FORBIDDEN", agentToken);
    await api.must(START, { id: m.id });
    await expectRefused(CANCEL, { id: m.id }, "INVALID_TRANSITION");
    await api.must(COMPLETE, { id: m.id });
    const c = await schedule([]);
    await api.must(CANCEL, { id: c.id });
    await expectRefused(CANCEL, { id: c.id }, "INVALID_TRANSITION");
  });
});

describe("Component.uptime", () => {
  const UPTIME = `query($days: Int) { statusPage { components { id uptime(days: $days) {
    date uptime countedMs downtimeMs majorOutageMs maintenanceMs worstStatus } } } }`;
  const uptimeOf = async (id: string, days = 2) =>
    (await api.must(UPTIME, { days }, null)).statusPage.components.find((c: { id: string }) => c.id === id).uptime;

  test("gives 90 days by default, the days before the component existed without data", async () => {
    const c = await component();
    const res = await api.must(`{ statusPage { components { id uptime { date uptime } } } }`, {}, null);
    const days = res.statusPage.components.find((x: { id: string }) => x.id === c.id).uptime;
    expect(days).toHaveLength(90);
    expect(days[0].uptime).toBeNull();
  });

  test("counts an outage as downtime and maintenance as neither", async () => {
    const c = await component();
    api.clock.advance(2 * HOUR);
    await api.must(`mutation($id: ID!) { updateComponent(id: $id, input: { status: MAJOR_OUTAGE }) { id } }`, {
      id: c.id,
    });
    api.clock.advance(HOUR);
    await api.must(`mutation($id: ID!) { updateComponent(id: $id, input: { status: OPERATIONAL }) { id } }`, {
      id: c.id,
    });
    const m = await schedule([c.id]);
    await api.must(START, { id: m.id });
    api.clock.advance(HOUR);
    await api.must(COMPLETE, { id: m.id });
    const days: { majorOutageMs: number; maintenanceMs: number; countedMs: number; uptime: number | null }[] =
      await uptimeOf(c.id);
    const total = (k: "majorOutageMs" | "maintenanceMs" | "countedMs") => days.reduce((s, d) => s + d[k], 0);
    expect(total("majorOutageMs")).toBeGreaterThanOrEqual(HOUR - 5_000);
    expect(total("majorOutageMs")).toBeLessThanOrEqual(HOUR + 5_000);
    expect(total("maintenanceMs")).toBeGreaterThanOrEqual(HOUR - 5_000);
    expect(days.some((d) => d.uptime !== null && d.uptime < 1)).toBe(true);
    const incidents = await api.must("{ incidents { edges { node { id } } } }", {}, null);
    expect(incidents.incidents.edges.length).toBeLessThanOrEqual(1);
  });

  test("refuses a number of days outside 1–366", async () => {
    const res = await api.gql(UPTIME, { days: 0 }, null);
    expect(res.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});
