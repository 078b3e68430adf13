import "reflect-metadata";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runDeliveries, runFanout } from "./delivery.js";
import { aComponent } from "../../../test/factories.js";
import { startTestApi, type TestApi } from "../../../test/harness.js";
import { startMailCatcher, type MailCatcher } from "../../../platform/mail-catcher.js";
import { QUEUES } from "../../../platform/timers/queues.js";

const SITE = "https://status.example.com";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let api: TestApi;
let catcher: MailCatcher;
let receiver: Server;
let hooks: string;
const received: { path: string; body: unknown }[] = [];

beforeAll(async () => {
  catcher = await startMailCatcher();
  api = await startTestApi({
    timers: { workers: false },
    mail: { smtpUrl: catcher.url, from: "Acme Status <status@acme.example>" },
    settings: { webhookAllowedHosts: ["127.0.0.1"], statusSiteUrl: SITE },
  });
  // Subscribers read times in the organization's zone: not UTC here, so the test tells them apart.
  await api.must(`mutation { updateOrganization(input: { name: "Acme", timezone: "${ZONE}" }) { name } }`);
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  hooks = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await api?.close();
  await catcher?.stop();
  await new Promise((r) => receiver?.close(r));
});

const runDue = () => api.app.services.timers.runDue();
const later = async (ms: number) => {
  api.clock.advance(ms);
  await runDue();
};
let seq = 0;
const address = (name: string) => `${name}-${++seq}@example.net`;

const SUBSCRIBE = `mutation($input: SubscribeInput!) { subscribe(input: $input) { id confirmedAt } }`;
const CREATE = `mutation($input: CreateScheduledMaintenanceInput!) {
  createScheduledMaintenance(input: $input) { id status scheduledFor scheduledUntil remindBeforeMinutes } }`;
const CANCEL = `mutation($id: ID!) { cancelScheduledMaintenance(id: $id) { id status } }`;

async function mailsTo(to: string): Promise<ParsedMail[]> {
  const raw = catcher.messages.filter((m) => m.to.includes(to)).map((m) => m.raw);
  return Promise.all(raw.map((r) => simpleParser(r)));
}

/** The mails after the confirmation. */
const newsTo = async (to: string) => (await mailsTo(to)).slice(1);

const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");

async function confirmedSubscriber(email: string, componentIds: string[]) {
  await api.must(SUBSCRIBE, { input: { email, componentIds } }, null);
  await runDue();
  const [confirmation] = await mailsTo(email);
  const token = /subscriptions\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation!.text!)![1]!;
  await api.must(
    `mutation($t: String!) { confirmSubscription(token: $t) { id } }`,
    { t: decodeURIComponent(token) },
    null,
  );
}

/** A time `ms` from now on the test clock, on the minute (the mails write minutes). */
function inFuture(ms: number): Date {
  const t = api.clock.now().getTime() + ms;
  return new Date(t - (t % MINUTE) + MINUTE);
}

const ZONE = "America/New_York";
/** "Sunday, 29 November 2026" in New York. */
const day = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(d);
/** "20:00" in New York. */
const hhmm = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
/** "EST" or "EDT". */
const zoneName = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "short" })
    .formatToParts(d)
    .find((p) => p.type === "timeZoneName")!.value;
const at = (d: Date) => `${hhmm(d)} ${zoneName(d)}`;

/** What a reader checks in every mail about the window, in its text and in its HTML. */
function expectAboutTheWindow(
  mail: ParsedMail,
  m: { id: string; title: string; component: string; from: Date; until: Date },
) {
  for (const body of [mail.text!, mail.html as string]) {
    expect(body).toContain(m.title);
    expect(body).toContain(m.component);
    expect(body).toContain(`${SITE}/maintenance/${m.id}`);
  }
  // The window in words: its day (both days when it crosses midnight), its times and its length.
  const sameDay = day(m.from) === day(m.until);
  const window = sameDay
    ? `${day(m.from)}, ${hhmm(m.from)}–${at(m.until)} (1 hour)`
    : `${day(m.from)}, ${at(m.from)} – ${day(m.until)}, ${at(m.until)} (1 hour)`;
  expect(mail.text).toContain(`Scheduled: ${window}`);
  expect(mail.text).toContain(`Affected components: ${m.component}`);
  expect(mail.html).toContain(window);
  // Each subscriber's own one-click unsubscribe link, in the header and in the mail.
  const unsubscribe = /<(https:\/\/[^>]+)>/.exec(header(mail, "List-Unsubscribe")!)![1]!;
  expect(unsubscribe).toMatch(new RegExp(`^${SITE}/subscriptions/unsubscribe\\?token=.{20,}`));
  expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  expect(mail.text).toContain(`Unsubscribe: ${unsubscribe}`);
  expect(mail.html).toContain(unsubscribe.replaceAll("&", "&amp;"));
  return unsubscribe;
}

describe("subscribers hear of a scheduled maintenance as it runs by itself", () => {
  test("scheduled, reminder, started and completed: one mail each to the component's subscribers, none to others", async () => {
    const a = await aComponent(api, "Checkout");
    const b = await aComponent(api, "Search");
    const alice = address("alice");
    const bob = address("bob");
    await confirmedSubscriber(alice, [a.id]);
    await confirmedSubscriber(bob, [b.id]);
    const hook = await api.must(SUBSCRIBE, { input: { webhookUrl: `${hooks}/a`, componentIds: [a.id] } }, null);
    expect(hook.subscribe.confirmedAt).not.toBeNull();

    const from = inFuture(2 * HOUR);
    const until = new Date(from.getTime() + HOUR);
    const { createScheduledMaintenance: created } = await api.must(CREATE, {
      input: {
        title: "Payment provider switch",
        description: "Checkout may refuse cards for a few minutes.",
        componentIds: [a.id],
        scheduledFor: from.toISOString(),
        scheduledUntil: until.toISOString(),
        remindBeforeMinutes: 30,
      },
    });
    expect(created.remindBeforeMinutes).toBe(30);
    const m = { id: created.id as string, title: "Payment provider switch", component: "Checkout", from, until };
    await runDue();

    let mails = await newsTo(alice);
    expect(mails.map((x) => x.subject)).toEqual(["[Acme] Scheduled maintenance: Payment provider switch"]);
    const unsubscribe = expectAboutTheWindow(mails[0]!, m);
    expect(mails[0]!.text).toContain("Checkout may refuse cards for a few minutes.");
    expect(mails[0]!.text).toContain("Maintenance on Checkout is scheduled for");

    // Not yet time for the reminder (30 minutes before the start).
    await later(90 * MINUTE - 2 * MINUTE);
    expect(await newsTo(alice)).toHaveLength(1);
    await later(3 * MINUTE);
    mails = await newsTo(alice);
    expect(mails.map((x) => x.subject)).toEqual([
      "[Acme] Scheduled maintenance: Payment provider switch",
      "[Acme] Maintenance starting soon: Payment provider switch",
    ]);
    expectAboutTheWindow(mails[1]!, m);
    expect(mails[1]!.text).toContain(`Maintenance on Checkout starts on ${day(from)} at ${at(from)}`);

    await later(30 * MINUTE);
    mails = await newsTo(alice);
    expect(mails).toHaveLength(3);
    expect(mails[2]!.subject).toBe("[Acme] Maintenance in progress: Payment provider switch");
    expectAboutTheWindow(mails[2]!, m);
    const end = day(from) === day(until) ? `at ${at(until)}` : `on ${day(until)} at ${at(until)}`;
    expect(mails[2]!.text).toContain(`Maintenance on Checkout began on ${day(from)} at ${at(from)}`);
    expect(mails[2]!.text).toContain(`is expected to end ${end}.`);
    expect(mails[2]!.text).toContain("Scheduled maintenance is in progress.");

    await later(HOUR);
    mails = await newsTo(alice);
    expect(mails).toHaveLength(4);
    expect(mails[3]!.subject).toBe("[Acme] Maintenance completed: Payment provider switch");
    expectAboutTheWindow(mails[3]!, m);
    expect(mails[3]!.text).toContain("The scheduled maintenance has been completed.");
    expect(mails[3]!.text).toMatch(/Completed: \w+day, \d{1,2} \w+ \d{4}, \d\d:\d\d E[SD]T/);
    // The same subscriber's link in every mail; each mail its own message.
    for (const mail of mails) expect(mail.text).toContain(unsubscribe);
    expect(new Set(mails.map((x) => x.messageId)).size).toBe(4);

    expect(await newsTo(bob)).toHaveLength(0);
    // The webhook of A got Statuspage payloads of the four, in order.
    const payloads = received.filter((r) => r.path === "/a").map((r) => r.body as any);
    expect(payloads.map((p) => p.incident.status)).toEqual(["scheduled", "scheduled", "in_progress", "completed"]);
    expect(payloads[0].incident).toMatchObject({
      id: m.id,
      name: m.title,
      impact: "maintenance",
      shortlink: `${SITE}/maintenance/${m.id}`,
      scheduled_for: from.toISOString(),
      scheduled_until: until.toISOString(),
      components: [{ id: a.id, name: "Checkout" }],
    });

    // Every job run again (a retry, a second process): the deadlines, the fan-outs, the sends, and the
    // announcements themselves. Nobody hears anything twice.
    const ctx = api.app.context(null);
    await api.app.services.db.transaction((tx) =>
      ctx.timers.schedule(
        tx,
        QUEUES.maintenance,
        [
          { step: "REMIND", dueAt: new Date(from.getTime() - 30 * MINUTE) },
          { step: "START", dueAt: from },
          { step: "COMPLETE", dueAt: until },
        ].map(({ step, dueAt }) => ({
          data: { maintenanceId: m.id, step, dueAt: dueAt.toISOString() },
          runAt: api.clock.now(),
          key: `again:${step}:${m.id}`,
        })),
      ),
    );
    const events = await api.sql<{ id: string; event: any }>(
      "SELECT id, event FROM subscriber_event WHERE event->>'maintenanceId' = $1 ORDER BY created_at",
      [m.id],
    );
    expect(events.map((e) => e.event.kind)).toEqual([
      "MAINTENANCE_CREATED",
      "MAINTENANCE_REMINDER",
      "MAINTENANCE_STARTED",
      "MAINTENANCE_COMPLETED",
    ]);
    for (const e of events) {
      await runFanout(ctx, { eventId: e.id, after: null });
      await api.app.services.db.transaction((tx) => ctx.notifier.announce(ctx, tx, e.event));
    }
    const deliveries = await api.sql<{ id: string }>(
      "SELECT id FROM subscriber_delivery WHERE event_id = ANY($1::text[])",
      [events.map((e) => e.id)],
    );
    expect(deliveries).toHaveLength(8); // alice and the webhook, four events each
    await runDeliveries(ctx, { deliveryIds: deliveries.map((d) => d.id) });
    await later(2 * HOUR);
    expect(await newsTo(alice)).toHaveLength(4);
    expect(await newsTo(bob)).toHaveLength(0);
    expect(received.filter((r) => r.path === "/a")).toHaveLength(4);
  });

  test("a cancelled window: its subscribers hear it will not take place, and nothing more", async () => {
    const a = await aComponent(api, "Reports");
    const b = await aComponent(api, "Exports");
    const carol = address("carol");
    const dan = address("dan");
    await confirmedSubscriber(carol, [a.id]);
    await confirmedSubscriber(dan, [b.id]);
    const from = inFuture(3 * HOUR);
    const until = new Date(from.getTime() + HOUR);
    const { createScheduledMaintenance: created } = await api.must(CREATE, {
      input: {
        title: "Warehouse reindex",
        componentIds: [a.id],
        scheduledFor: from.toISOString(),
        scheduledUntil: until.toISOString(),
      },
    });
    await runDue();
    expect((await api.must(CANCEL, { id: created.id })).cancelScheduledMaintenance.status).toBe("CANCELLED");
    await runDue();
    const mails = await newsTo(carol);
    expect(mails.map((x) => x.subject)).toEqual([
      "[Acme] Scheduled maintenance: Warehouse reindex",
      "[Acme] Maintenance cancelled: Warehouse reindex",
    ]);
    const m = { id: created.id as string, title: "Warehouse reindex", component: "Reports", from, until };
    expectAboutTheWindow(mails[1]!, m);
    expect(mails[1]!.text).toContain("has been cancelled: it will not take place.");
    expect(mails[1]!.text).toContain("This scheduled maintenance has been cancelled.");
    expect(mails[1]!.text).toMatch(/Cancelled: \w+day, \d{1,2} \w+ \d{4}, \d\d:\d\d E[SD]T/);

    // Past its reminder, start and end: nothing more, to anyone.
    await later(5 * HOUR);
    expect(await newsTo(carol)).toHaveLength(2);
    expect(await newsTo(dan)).toHaveLength(0);
  });
});
