import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { notifier } from "../notifications/index.js";
import type { Notifier, PublicEvent } from "../../platform/notifier.js";
import { startTestApi, waitFor, type TestApi } from "../../test/harness.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const FIELDS = `id status scheduledFor startedAt completedAt autoStart autoComplete remindBeforeMinutes
  components { id status } updates { status message }`;
const CREATE = `mutation($input: CreateScheduledMaintenanceInput!) { createScheduledMaintenance(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateScheduledMaintenanceInput!) {
  updateScheduledMaintenance(id: $id, input: $input) { ${FIELDS} } }`;
const START = `mutation($id: ID!, $message: String) { startScheduledMaintenance(id: $id, message: $message) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelScheduledMaintenance(id: $id) { ${FIELDS} } }`;
const READ = `query($id: ID!) { scheduledMaintenance(id: $id) { ${FIELDS} } }`;
const PAGE = `{ statusPage { indicator components { id status } scheduledMaintenances { id status } } }`;

type Maintenance = {
  id: string;
  status: string;
  scheduledFor: string;
  startedAt: string | null;
  completedAt: string | null;
  autoStart: boolean;
  autoComplete: boolean;
  remindBeforeMinutes: number;
  components: { id: string; status: string }[];
  updates: { status: string; message: string }[];
};

/** Records what subscribers would hear of, and passes it on to the real notifier. */
function recordingNotifier(announced: PublicEvent[]): Notifier {
  return {
    notify: (ctx, tx, spec) => notifier.notify(ctx, tx, spec),
    leadMinutes: (tx, userId) => notifier.leadMinutes(tx, userId),
    async announce(ctx, tx, event) {
      await notifier.announce(ctx, tx, event);
      announced.push(event);
    },
  };
}

const announcedFor = (announced: PublicEvent[], id: string) =>
  announced
    .filter((e) => "maintenanceId" in e && e.maintenanceId === id)
    .map((e) => ({ kind: e.kind, eventId: e.eventId }));

async function component(api: TestApi, name: string) {
  const { createComponent } = await api.must(
    `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
    { input: { name } },
  );
  return createComponent as { id: string };
}

function window(api: TestApi, startInMs: number, lengthMs: number) {
  const from = api.clock.now().getTime() + startInMs;
  return { scheduledFor: new Date(from).toISOString(), scheduledUntil: new Date(from + lengthMs).toISOString() };
}

async function schedule(api: TestApi, input: Record<string, unknown>): Promise<Maintenance> {
  return (await api.must(CREATE, { input: { title: "Database upgrade", ...input } })).createScheduledMaintenance;
}

const read = async (api: TestApi, id: string): Promise<Maintenance> =>
  (await api.must(READ, { id }, null)).scheduledMaintenance;

async function pageStatusOf(api: TestApi, componentId: string): Promise<string> {
  const page = (await api.must(PAGE, {}, null)).statusPage;
  return page.components.find((c: { id: string }) => c.id === componentId).status;
}

describe("scheduled maintenance on its own, by the clock", () => {
  let api: TestApi;
  const announced: PublicEvent[] = [];
  // Due jobs run when the test says so, at the test clock's time.
  const runDue = () => api.app.services.timers.runDue();
  const later = async (ms: number) => {
    api.clock.advance(ms);
    await runDue();
  };

  beforeAll(async () => {
    api = await startTestApi({ timers: { workers: false }, notifier: recordingNotifier(announced) });
  });
  afterAll(() => api?.close());

  test("reminds subscribers an hour ahead, starts at scheduledFor and completes at scheduledUntil", async () => {
    const c = await component(api, "Checkout");
    const m = await schedule(api, { componentIds: [c.id], ...window(api, 2 * HOUR, HOUR) });
    expect(m).toMatchObject({ autoStart: true, autoComplete: true, remindBeforeMinutes: 60 });
    expect(announcedFor(announced, m.id)).toEqual([
      { kind: "MAINTENANCE_CREATED", eventId: `maintenance:${m.id}:created` },
    ]);

    await later(HOUR - MINUTE);
    expect(announcedFor(announced, m.id)).toHaveLength(1);
    await later(2 * MINUTE);
    expect(announcedFor(announced, m.id).at(-1)?.kind).toBe("MAINTENANCE_REMINDER");
    expect((await read(api, m.id)).status).toBe("SCHEDULED");
    expect(await pageStatusOf(api, c.id)).toBe("OPERATIONAL");

    await later(HOUR);
    const started = await read(api, m.id);
    expect(started).toMatchObject({ status: "IN_PROGRESS", components: [{ id: c.id, status: "UNDER_MAINTENANCE" }] });
    expect(started.updates[0]?.status).toBe("IN_PROGRESS");
    const page = (await api.must(PAGE, {}, null)).statusPage;
    expect(page.indicator).toBe("MAINTENANCE");
    expect(page.components).toContainEqual({ id: c.id, status: "UNDER_MAINTENANCE" });

    await later(HOUR);
    const completed = await read(api, m.id);
    expect(completed).toMatchObject({ status: "COMPLETED", components: [{ id: c.id, status: "OPERATIONAL" }] });
    expect(completed.updates.map((u) => u.status)).toEqual(["COMPLETED", "IN_PROGRESS", "SCHEDULED"]);
    expect(await pageStatusOf(api, c.id)).toBe("OPERATIONAL");

    // Each announced once, with ids a retried job would repeat.
    await later(HOUR);
    expect(announcedFor(announced, m.id)).toEqual([
      { kind: "MAINTENANCE_CREATED", eventId: `maintenance:${m.id}:created` },
      {
        kind: "MAINTENANCE_REMINDER",
        eventId: `maintenance:${m.id}:reminder:${new Date(m.scheduledFor).toISOString()}`,
      },
      { kind: "MAINTENANCE_STARTED", eventId: `maintenance:${m.id}:started` },
      { kind: "MAINTENANCE_COMPLETED", eventId: `maintenance:${m.id}:completed` },
    ]);
  });

  test("autoStart: false stays scheduled past its window; nobody hears it started", async () => {
    const c = await component(api, "Search");
    const m = await schedule(api, { componentIds: [c.id], autoStart: false, ...window(api, 30 * MINUTE, HOUR) });
    expect(m.autoStart).toBe(false);
    await later(2 * HOUR);
    expect(await read(api, m.id)).toMatchObject({ status: "SCHEDULED", startedAt: null });
    expect(await pageStatusOf(api, c.id)).toBe("OPERATIONAL");
    expect(announcedFor(announced, m.id).map((e) => e.kind)).toEqual(["MAINTENANCE_CREATED"]);
  });

  test("started by hand first: the start at scheduledFor does nothing, the completion still comes by itself", async () => {
    const c = await component(api, "Billing");
    const m = await schedule(api, { componentIds: [c.id], ...window(api, 2 * HOUR, HOUR) });
    const byHand = (await api.must(START, { id: m.id, message: "Starting early." })).startScheduledMaintenance;
    await later(2 * HOUR + MINUTE);
    const after = await read(api, m.id);
    expect(after).toMatchObject({ status: "IN_PROGRESS", startedAt: byHand.startedAt });
    expect(after.updates).toEqual([{ status: "IN_PROGRESS", message: "Starting early." }, expect.anything()]);
    expect(await pageStatusOf(api, c.id)).toBe("UNDER_MAINTENANCE");

    await later(HOUR);
    expect(await read(api, m.id)).toMatchObject({ status: "COMPLETED" });
    expect(await pageStatusOf(api, c.id)).toBe("OPERATIONAL");
    // Started by hand before the reminder was due: no reminder, one start, one completion.
    expect(announcedFor(announced, m.id).map((e) => e.kind)).toEqual([
      "MAINTENANCE_CREATED",
      "MAINTENANCE_STARTED",
      "MAINTENANCE_COMPLETED",
    ]);
  });

  test("moved later: neither reminds nor starts at the old times, but at the new ones", async () => {
    const c = await component(api, "Reports");
    const m = await schedule(api, { componentIds: [c.id], ...window(api, 2 * HOUR, HOUR) });
    const moved = window(api, 4 * HOUR, HOUR);
    await api.must(UPDATE, { id: m.id, input: moved });

    await later(2 * HOUR + MINUTE);
    expect(await read(api, m.id)).toMatchObject({ status: "SCHEDULED" });
    expect(await pageStatusOf(api, c.id)).toBe("OPERATIONAL");
    expect(announcedFor(announced, m.id).map((e) => e.kind)).toEqual(["MAINTENANCE_CREATED"]);

    await later(HOUR);
    expect(announcedFor(announced, m.id).at(-1)).toEqual({
      kind: "MAINTENANCE_REMINDER",
      eventId: `maintenance:${m.id}:reminder:${new Date(moved.scheduledFor).toISOString()}`,
    });
    expect(await read(api, m.id)).toMatchObject({ status: "SCHEDULED" });
    await later(HOUR);
    expect(await read(api, m.id)).toMatchObject({ status: "IN_PROGRESS" });
    expect(await pageStatusOf(api, c.id)).toBe("UNDER_MAINTENANCE");
    // autoComplete turned off while in progress: it stays in progress past its end.
    await api.must(UPDATE, { id: m.id, input: { autoComplete: false } });
    await later(2 * HOUR);
    expect(await read(api, m.id)).toMatchObject({ status: "IN_PROGRESS", autoComplete: false });
  });

  test("cancelled: subscribers hear it is off, and nothing happens at its times", async () => {
    const c = await component(api, "Exports");
    const m = await schedule(api, { componentIds: [c.id], ...window(api, 2 * HOUR, HOUR) });
    await api.must(CANCEL, { id: m.id });
    await later(4 * HOUR);
    expect(await read(api, m.id)).toMatchObject({ status: "CANCELLED", startedAt: null, completedAt: null });
    expect(await pageStatusOf(api, c.id)).toBe("OPERATIONAL");
    expect(announcedFor(announced, m.id)).toEqual([
      { kind: "MAINTENANCE_CREATED", eventId: `maintenance:${m.id}:created` },
      { kind: "MAINTENANCE_CANCELLED", eventId: `maintenance:${m.id}:cancelled` },
    ]);
  });

  test("remindBeforeMinutes and the auto settings are validated, and null keeps them on update", async () => {
    for (const [remindBeforeMinutes, ok] of [
      [-1, false],
      [10_081, false],
      [0, true],
      [10_080, true],
    ] as const) {
      const res = await api.gql(CREATE, {
        input: { title: "Upgrade", remindBeforeMinutes, ...window(api, HOUR, HOUR) },
      });
      if (ok) expect(res.data?.createScheduledMaintenance.remindBeforeMinutes).toBe(remindBeforeMinutes);
      else {
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
        expect(Object.keys(res.errors?.[0]?.extensions.fields ?? {})).toContain("input.remindBeforeMinutes");
      }
    }
    const m = await schedule(api, { ...window(api, HOUR, HOUR) });
    const changed = (await api.must(UPDATE, { id: m.id, input: { autoStart: false, remindBeforeMinutes: 15 } }))
      .updateScheduledMaintenance;
    expect(changed).toMatchObject({ autoStart: false, autoComplete: true, remindBeforeMinutes: 15 });
    const kept = (
      await api.must(UPDATE, { id: m.id, input: { autoStart: null, autoComplete: null, remindBeforeMinutes: null } })
    ).updateScheduledMaintenance;
    expect(kept).toMatchObject({ autoStart: false, autoComplete: true, remindBeforeMinutes: 15 });
    const refused = await api.gql(UPDATE, { id: m.id, input: { remindBeforeMinutes: 20_000 } });
    expect(refused.errors?.[0]?.extensions.fields).toHaveProperty(["input.remindBeforeMinutes"]);
    expect(await read(api, m.id)).toMatchObject({ remindBeforeMinutes: 15 });
  });
});

describe("scheduled maintenance on its own, in real time, with two API processes", () => {
  let api: TestApi;
  const announced: PublicEvent[] = [];

  beforeAll(async () => {
    const timers = { workers: true, pollingIntervalSeconds: 0.5 };
    api = await startTestApi({ timers, notifier: recordingNotifier(announced) });
    await api.peer({ timers, notifier: recordingNotifier(announced) });
  });
  afterAll(() => api?.close());

  test("a window a second ahead starts and then completes by itself, once", async () => {
    const c = await component(api, "Checkout");
    const m = await schedule(api, { componentIds: [c.id], ...window(api, 1_000, 1_500) });
    let seen = m;
    const poll = async (status: string) => {
      for (const deadline = Date.now() + 8_000; seen.status !== status && Date.now() < deadline;) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await read(api, m.id);
      }
      return seen;
    };
    expect(await poll("IN_PROGRESS")).toMatchObject({ components: [{ id: c.id, status: "UNDER_MAINTENANCE" }] });
    expect(await pageStatusOf(api, c.id)).toBe("UNDER_MAINTENANCE");
    expect(await poll("COMPLETED")).toMatchObject({ components: [{ id: c.id, status: "OPERATIONAL" }] });
    expect(await pageStatusOf(api, c.id)).toBe("OPERATIONAL");
    await waitFor(() => announcedFor(announced, m.id).length >= 3);
    expect(seen.updates.map((u) => u.status)).toEqual(["COMPLETED", "IN_PROGRESS", "SCHEDULED"]);
    expect(announcedFor(announced, m.id).map((e) => e.kind)).toEqual([
      "MAINTENANCE_CREATED",
      "MAINTENANCE_STARTED",
      "MAINTENANCE_COMPLETED",
    ]);
  });
});
