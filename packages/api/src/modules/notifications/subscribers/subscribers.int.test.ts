import "reflect-metadata";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signWebhook } from "../webhooks/standard-webhooks.js";
import { runDeliveries, runFanout } from "./delivery.js";
import { aComponent, anIncident, postUpdate } from "../../../test/factories.js";
import { aMember, MINUTE } from "../../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../../test/harness.js";
import { startMailCatcher, type MailCatcher } from "../../../platform/mail-catcher.js";

const SITE = "https://status.example.com";
const FORWARDING_SECRET = "shared-with-the-status-site";
let api: TestApi;
let catcher: MailCatcher;
let receiver: Server;
let hooks: string;
const received = new Map<string, { headers: Record<string, unknown>; body: string }[]>();
const answers = new Map<string, number[]>();

beforeAll(async () => {
  catcher = await startMailCatcher();
  api = await startTestApi({
    timers: { workers: false },
    mail: { smtpUrl: catcher.url, from: "Acme Status <status@acme.example>" },
    forwardingSecret: FORWARDING_SECRET,
    settings: {
      webhookAllowedHosts: ["127.0.0.1"],
      statusSiteUrl: SITE,
      subscribeLimits: { perClientPerHour: 30, perEmailPerHour: 5 },
    },
  });
  await api.must(`mutation { updateOrganization(input: { name: "Acme" }) { name } }`);
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.set(path, [
        ...(received.get(path) ?? []),
        { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") },
      ]);
      res.writeHead(answers.get(path)?.shift() ?? 204);
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
let seq = 0;
const address = (name: string) => `${name}-${++seq}@example.net`;

const SUBSCRIBE = `mutation($input: SubscribeInput!) {
  subscribe(input: $input) { id channel email webhookUrl componentIds confirmedAt createdAt signingSecret }
}`;

async function mailsTo(to: string): Promise<ParsedMail[]> {
  const raw = catcher.messages.filter((m) => m.to.includes(to)).map((m) => m.raw);
  return Promise.all(raw.map((r) => simpleParser(r)));
}

const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");

/** Subscribes anonymously and follows the link of the confirmation mail. */
async function confirmedSubscriber(email: string, componentIds: string[]) {
  await api.must(SUBSCRIBE, { input: { email, componentIds } }, null);
  await runDue();
  const [confirmation] = await mailsTo(email);
  const token = /subscriptions\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation!.text!)![1]!;
  const { confirmSubscription } = await api.must(
    `mutation($t: String!) { confirmSubscription(token: $t) { id confirmedAt } }`,
    { t: decodeURIComponent(token) },
    null,
  );
  expect(confirmSubscription.confirmedAt).not.toBeNull();
  return confirmSubscription.id as string;
}

describe("email subscribers", () => {
  test("double opt-in, then exactly one mail per PUBLIC update of a chosen component; nobody else hears", async () => {
    const [a, b] = [await aComponent(api, "API <edge>"), await aComponent(api)];
    const alice = address("alice");
    const res = await api.gql(SUBSCRIBE, { input: { email: alice, componentIds: [a.id] } }, null);
    expect(res.errors).toBeUndefined();
    expect(res.data!.subscribe).toMatchObject({
      channel: "EMAIL",
      email: alice,
      componentIds: [a.id],
      confirmedAt: null,
    });
    await runDue();
    const [confirmation, ...more] = await mailsTo(alice);
    expect(more).toHaveLength(0);
    expect(confirmation!.subject).toBe("[Acme] Confirm your subscription");
    expect(confirmation!.text).toContain(`${SITE}/subscriptions/confirm?token=`);
    expect(confirmation!.html).toContain(`${SITE}/subscriptions/confirm?token=`);
    const token = /subscriptions\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation!.text!)![1]!;
    // The token is stored hashed only.
    const stored = await api.sql<{ h: string }>(
      "SELECT confirm_token_hash AS h FROM status_subscriber WHERE email = $1",
      [alice],
    );
    expect(stored[0]!.h).not.toContain(token);
    const confirmed = await api.must(
      `mutation($t: String!) { confirmSubscription(token: $t) { email confirmedAt } }`,
      { t: token },
      null,
    );
    expect(confirmed.confirmSubscription.confirmedAt).not.toBeNull();

    const bob = address("bob");
    await confirmedSubscriber(bob, [b.id]);
    const carol = address("carol"); // never confirms
    await api.must(SUBSCRIBE, { input: { email: carol, componentIds: [a.id] } }, null);
    const everyone = address("dave"); // chose no component: hears of all
    await confirmedSubscriber(everyone, []);

    const incident = await anIncident(api, { title: "Slow <b>logins</b> & more", componentIds: [a.id] });
    expect((await postUpdate(api, incident.id, { visibility: "INTERNAL" })).errors).toBeUndefined();
    await runDue();
    expect(await mailsTo(alice)).toHaveLength(1); // an INTERNAL update tells nobody
    const posted = await postUpdate(api, incident.id, { message: "Logins take <30 s> & we are on it" });
    expect(posted.errors).toBeUndefined();
    await runDue();

    const aliceMails = await mailsTo(alice);
    expect(aliceMails).toHaveLength(2);
    const mail = aliceMails[1]!;
    expect(mail.subject).toBe("[Acme] New incident: Slow <b>logins</b> & more");
    expect(mail.from!.text).toContain("status@acme.example");
    expect(mail.text).toContain("Logins take <30 s> & we are on it");
    expect(mail.text).toContain("Affected components: API <edge>");
    expect(mail.text).toContain(`${SITE}/incidents/${incident.id}`);
    expect(mail.html).toContain("Slow &lt;b&gt;logins&lt;/b&gt; &amp; more");
    expect(mail.html).not.toContain("<b>logins</b>");
    expect(mail.html).toContain(`${SITE}/incidents/${incident.id}`);
    const unsubscribe = /<(https:\/\/[^>]+)>/.exec(header(mail, "List-Unsubscribe")!)![1]!;
    expect(unsubscribe).toMatch(new RegExp(`^${SITE}/subscriptions/unsubscribe\\?token=`));
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(unsubscribe);
    expect(mail.messageId).toMatch(/@acme\.example>?$/);

    expect(await mailsTo(bob)).toHaveLength(1); // the confirmation only: another component
    expect(await mailsTo(carol)).toHaveLength(1); // the confirmation only: not confirmed
    expect(await mailsTo(everyone)).toHaveLength(2);

    // The same jobs run again (a retry, another process) mail nothing more.
    const [event] = await api.sql<{ id: string }>("SELECT id FROM subscriber_event WHERE event->>'updateId' = $1", [
      posted.data!.postStatusUpdate.id,
    ]);
    const ctx = api.app.context(null);
    await runFanout(ctx, { eventId: event!.id, after: null });
    const deliveries = await api.sql<{ id: string }>("SELECT id FROM subscriber_delivery WHERE event_id = $1", [
      event!.id,
    ]);
    expect(deliveries).toHaveLength(2);
    await runDeliveries(ctx, { deliveryIds: deliveries.map((d) => d.id) });
    await api.app.services.db.transaction((tx) =>
      ctx.notifier.announce(ctx, tx, {
        kind: "INCIDENT_UPDATE",
        eventId: event!.id,
        incidentId: incident.id,
        updateId: posted.data!.postStatusUpdate.id,
      }),
    );
    await runDue();
    expect(await mailsTo(alice)).toHaveLength(2);

    // A later PUBLIC update is a message of its own.
    await postUpdate(api, incident.id, { status: "IDENTIFIED", message: "Found it" });
    await runDue();
    const third = (await mailsTo(alice))[2]!;
    expect(third.subject).toBe("[Acme] Identified: Slow <b>logins</b> & more");
    expect(third.messageId).not.toBe(mail.messageId);

    // One-click unsubscribe (RFC 8058) at the API: 200, and no more mail.
    const token2 = new URL(unsubscribe).searchParams.get("token")!;
    const click = await fetch(`${api.url}/subscriptions/unsubscribe?token=${encodeURIComponent(token2)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(click.status).toBe(200);
    expect((await fetch(`${api.url}/subscriptions/unsubscribe?token=${token2}`)).status).toBe(405);
    const again = await fetch(`${api.url}/subscriptions/unsubscribe?token=${encodeURIComponent(token2)}`, {
      method: "POST",
    });
    expect(again.status).toBe(200);
    await postUpdate(api, incident.id, { status: "RESOLVED", message: "Fixed" });
    await runDue();
    expect(await mailsTo(alice)).toHaveLength(3);
    expect(await mailsTo(everyone)).toHaveLength(4);
  });

  test("subscribing again within 10 minutes sends no second confirmation, and tells nothing of the existing one", async () => {
    const eve = address("eve");
    const first = await api.must(SUBSCRIBE, { input: { email: eve } }, null);
    await runDue();
    const second = await api.must(SUBSCRIBE, { input: { email: eve.toUpperCase() } }, null);
    await runDue();
    expect(await mailsTo(eve)).toHaveLength(1);
    expect(second.subscribe.id).toBe(first.subscribe.id);
    api.clock.advance(11 * MINUTE);
    await api.must(SUBSCRIBE, { input: { email: eve } }, null);
    await runDue();
    expect(await mailsTo(eve)).toHaveLength(2);
    const rows = await api.sql("SELECT id FROM status_subscriber WHERE lower(email) = $1", [eve]);
    expect(rows).toHaveLength(1);

    // Confirmed: a stranger subscribing the address again learns nothing of it and changes nothing.
    const c = await aComponent(api);
    await confirmedSubscriber(address("frank"), []);
    const frank = `frank-${seq}@example.net`;
    const mailsBefore = (await mailsTo(frank)).length;
    const answer = await api.must(SUBSCRIBE, { input: { email: frank, componentIds: [c.id] } }, null);
    await runDue();
    expect(answer.subscribe).toMatchObject({ confirmedAt: null, componentIds: [c.id] });
    const [row] = await api.sql<{ component_ids: string[] }>(
      "SELECT component_ids FROM status_subscriber WHERE email = $1",
      [frank],
    );
    expect(row!.component_ids).toEqual([]);
    expect(await mailsTo(frank)).toHaveLength(mailsBefore);
  });

  test("an SMTP server that refuses mail delays it; once it accepts, the mail arrives once", async () => {
    const c = await aComponent(api);
    const grace = address("grace");
    await confirmedSubscriber(grace, [c.id]);
    catcher.refuse(true);
    const incident = await anIncident(api, { componentIds: [c.id] });
    await postUpdate(api, incident.id, { message: "Refused at first" });
    await runDue();
    expect(await mailsTo(grace)).toHaveLength(1);
    const [pending] = await api.sql<{ status: string; attempts: number }>(
      `SELECT d.status, d.attempts FROM subscriber_delivery d JOIN status_subscriber s ON s.id = d.subscriber_id
        WHERE s.email = $1 AND d.event_id LIKE 'incident-update:%'`,
      [grace],
    );
    expect(pending).toMatchObject({ status: "PENDING", attempts: 1 });
    catcher.refuse(false);
    await runDue();
    expect(await mailsTo(grace)).toHaveLength(1); // waits out its backoff
    api.clock.advance(31_000);
    await runDue();
    const mails = await mailsTo(grace);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain("Refused at first");
    api.clock.advance(10 * MINUTE);
    await runDue();
    expect(await mailsTo(grace)).toHaveLength(2);
  });
});

describe("maintenance and component news", () => {
  test("an ADMIN's status change and an announced maintenance reach the component's subscribers", async () => {
    const c = await aComponent(api, "Search");
    const lena = address("lena");
    await confirmedSubscriber(lena, [c.id]);
    const changed = await api.gql(
      `mutation($id: ID!) { updateComponent(id: $id, input: { status: MAJOR_OUTAGE }) { id } }`,
      {
        id: c.id,
      },
    );
    expect(changed.errors).toBeUndefined();
    // Setting the same status again is no change: no second message.
    await api.gql(`mutation($id: ID!) { updateComponent(id: $id, input: { status: MAJOR_OUTAGE }) { id } }`, {
      id: c.id,
    });
    await runDue();
    const [, status, ...rest] = await mailsTo(lena);
    expect(rest).toHaveLength(0);
    expect(status!.subject).toBe("[Acme] Search: Major outage");
    expect(status!.text).toContain("Operational → Major outage");

    const startsAt = new Date(api.clock.now().getTime() + 24 * 3600_000);
    const { createScheduledMaintenance: m } = await api.must(
      `mutation($input: CreateScheduledMaintenanceInput!) { createScheduledMaintenance(input: $input) { id } }`,
      {
        input: {
          title: "Index rebuild",
          description: "Search is read-only",
          componentIds: [c.id],
          scheduledFor: startsAt.toISOString(),
          scheduledUntil: new Date(startsAt.getTime() + 3600_000).toISOString(),
        },
      },
    );
    const ctx = api.app.context(null);
    const event = { kind: "MAINTENANCE_CREATED" as const, eventId: `maintenance-created:${m.id}`, maintenanceId: m.id };
    await api.app.services.db.transaction((tx) => ctx.notifier.announce(ctx, tx, event));
    await runDue();
    const maintenance = (await mailsTo(lena)).find((x) => x.subject?.includes("Index rebuild"));
    expect(maintenance!.subject).toBe("[Acme] Scheduled maintenance: Index rebuild");
    expect(maintenance!.text).toContain(`${SITE}/maintenance/${m.id}`);
    expect(maintenance!.text).toContain("Search is read-only");
  });
});

describe("webhook subscribers", () => {
  test("receive Statuspage payloads signed per Standard Webhooks; 410 Gone disables them", async () => {
    const c = await aComponent(api, "Billing");
    const { subscribe } = await api.must(
      SUBSCRIBE,
      { input: { webhookUrl: `${hooks}/statuspage`, componentIds: [c.id] } },
      null,
    );
    expect(subscribe.channel).toBe("WEBHOOK");
    expect(subscribe.confirmedAt).not.toBeNull();
    expect(subscribe.signingSecret).toMatch(/^whsec_/);
    const incident = await anIncident(api, { title: "Invoices late", componentIds: [c.id] });
    const update = await postUpdate(api, incident.id, {
      message: "Invoices are delayed",
      componentStatuses: [{ componentId: c.id, status: "PARTIAL_OUTAGE" }],
    });
    expect(update.errors).toBeUndefined();
    await runDue();
    const got = received.get("/statuspage")!;
    expect(got).toHaveLength(2); // the incident, and the component's own change
    const bodies = got.map((g) => JSON.parse(g.body));
    const incidentPayload = bodies.find((b) => b.incident)!;
    expect(incidentPayload.meta.unsubscribe).toMatch(new RegExp(`^${SITE}/subscriptions/unsubscribe\\?token=`));
    expect(incidentPayload.meta.documentation).toMatch(/^https:\/\//);
    const { statusPage } = await api.must(`{ statusPage { indicator description } }`, {}, null);
    expect(incidentPayload.page).toMatchObject({
      status_indicator: statusPage.indicator.toLowerCase(),
      status_description: statusPage.description,
    });
    expect(incidentPayload.incident).toMatchObject({
      id: incident.id,
      name: "Invoices late",
      status: "investigating",
      shortlink: `${SITE}/incidents/${incident.id}`,
    });
    expect(incidentPayload.incident.incident_updates[0]).toMatchObject({
      body: "Invoices are delayed",
      status: "investigating",
      affected_components: [{ code: c.id, name: "Billing", new_status: "partial_outage" }],
    });
    const componentPayload = bodies.find((b) => b.component_update)!;
    expect(componentPayload.component_update).toMatchObject({
      component_id: c.id,
      old_status: "operational",
      new_status: "partial_outage",
    });
    expect(componentPayload.component).toMatchObject({ id: c.id, name: "Billing", status: "partial_outage" });
    for (const g of got) {
      const h = g.headers as Record<string, string>;
      expect(h["webhook-signature"]).toBe(
        signWebhook(subscribe.signingSecret, h["webhook-id"]!, Number(h["webhook-timestamp"]), g.body),
      );
    }

    // A failing receiver is retried; one answering 410 Gone is disabled.
    answers.set("/statuspage", [503, 410]);
    await postUpdate(api, incident.id, { status: "IDENTIFIED", message: "Found" });
    await runDue();
    expect(received.get("/statuspage")).toHaveLength(3);
    api.clock.advance(31_000);
    await runDue();
    expect(received.get("/statuspage")).toHaveLength(4);
    const [row] = await api.sql<{ disabled_reason: string }>(
      "SELECT disabled_reason FROM status_subscriber WHERE id = $1",
      [subscribe.id],
    );
    expect(row!.disabled_reason).toBe("410 Gone");
    await postUpdate(api, incident.id, { status: "RESOLVED", message: "Done" });
    await runDue();
    expect(received.get("/statuspage")).toHaveLength(4);
  });
});

describe("subscribe refuses bad input, storing nothing", () => {
  test.each([
    [{ email: "not-an-email" }, ["input.email"]],
    [{ email: "a@example.net", webhookUrl: "https://example.net/hook" }, ["input.email", "input.webhookUrl"]],
    [{}, ["input.email", "input.webhookUrl"]],
    [{ webhookUrl: "http://10.1.2.3/hook" }, ["input.webhookUrl"]],
    [{ webhookUrl: "ftp://example.net/x" }, ["input.webhookUrl"]],
    [{ email: "x@example.net", componentIds: ["00000000-0000-4000-8000-00000000beef"] }, ["input.componentIds"]],
    [{ email: "x@example.net", componentIds: ["nope"] }, ["input.componentIds"]],
  ])("%j", async (input, fields) => {
    const before = await api.sql("SELECT count(*)::int AS n FROM status_subscriber");
    const res = await api.gql(SUBSCRIBE, { input }, api.adminToken);
    expect(res.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(Object.keys(res.errors![0]!.extensions.fields!).sort()).toEqual(fields);
    expect(await api.sql("SELECT count(*)::int AS n FROM status_subscriber")).toEqual(before);
  });

  test("confirm and unsubscribe with an unknown token", async () => {
    const confirm = await api.gql(
      `mutation { confirmSubscription(token: "0123456789abcdef0123456789") { id } }`,
      {},
      null,
    );
    expect(confirm.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const gone = await api.gql(`mutation { unsubscribe(token: "0123456789abcdef0123456789") }`, {}, null);
    expect(gone.data).toEqual({ unsubscribe: false });
  });
});

describe("who may do what", () => {
  test("only an ADMIN lists and removes subscribers", async () => {
    const responder = await aMember(api, "RESPONDER");
    const list = `{ subscribers(first: 100) { edges { node { id email channel confirmedAt } } pageInfo { hasNextPage } } }`;
    expect((await api.gql(list, {}, null)).errors?.[0]?.extensions.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect((await api.gql(list, {}, responder.token)).errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const { subscribe } = await api.must(SUBSCRIBE, { input: { email: address("henry") } }, null);
    const all = await api.must(list);
    expect(all.subscribers.edges.map((e: any) => e.node.id)).toContain(subscribe.id);
    const remove = `mutation($id: ID!) { removeSubscriber(id: $id) }`;
    expect((await api.gql(remove, { id: subscribe.id }, responder.token)).errors?.[0]?.extensions.code).toBe(
      "FORBIDDEN",
    );
    expect((await api.gql(remove, { id: subscribe.id }, null)).errors?.[0]?.extensions.code).toMatch(
      /UNAUTHENTICATED|FORBIDDEN/,
    );
    expect(await api.must(remove, { id: subscribe.id })).toEqual({ removeSubscriber: true });
    expect((await api.gql(remove, { id: subscribe.id })).errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });

  test("subscribe is rate-limited per address and per client", async () => {
    const ivy = address("ivy");
    const member = await aMember(api, "CUSTOMER_SUCCESS_ENGINEER");
    for (let i = 0; i < 5; i++)
      expect((await api.gql(SUBSCRIBE, { input: { email: ivy } }, member.token)).errors).toBeUndefined();
    const sixth = await api.gql(SUBSCRIBE, { input: { email: ivy } }, member.token);
    expect(sixth.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
    for (let i = 0; i < 24; i++)
      expect((await api.gql(SUBSCRIBE, { input: { email: address("jack") } }, member.token)).errors).toBeUndefined();
    const past = await api.gql(SUBSCRIBE, { input: { email: address("jack") } }, member.token);
    expect(past.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
  });

  test("the status site forwards each visitor's address (with the shared secret) to the per-client limit", async () => {
    const as = (ip: string, secret = FORWARDING_SECRET) =>
      fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip, "x-liaison-forwarding-secret": secret },
        body: JSON.stringify({ query: SUBSCRIBE, variables: { input: { email: address("kim") } } }),
      }).then((r) => r.json() as Promise<{ errors?: { extensions: { code: string } }[] }>);
    for (let i = 0; i < 30; i++) expect((await as("203.0.113.7")).errors).toBeUndefined();
    expect((await as("203.0.113.7")).errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
    expect((await as("203.0.113.8")).errors).toBeUndefined();
    // Without the secret, X-Forwarded-For is not believed: the caller's own address counts.
    expect((await as("203.0.113.9", "a-wrong-secret-of-some-length")).errors).toBeUndefined();
    const [row] = await api.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM rate_limit WHERE key LIKE 'subscribe-client:ip:203.0.113.9'",
    );
    expect(row!.n).toBe(0);
  });

  test("over an anonymous WebSocket, subscribe is charged to that socket's address, not to one bucket for all", async () => {
    const socket = api.ws(null);
    const answer = await new Promise<{ errors?: unknown[] }>((resolve, reject) => {
      socket.subscribe(
        { query: SUBSCRIBE, variables: { input: { email: address("lou") } } },
        { next: (r) => resolve(r as { errors?: unknown[] }), error: reject, complete: () => {} },
      );
    });
    await socket.dispose();
    expect(answer.errors).toBeUndefined();
    const keys = await api.sql<{ key: string }>("SELECT key FROM rate_limit WHERE key LIKE 'subscribe-client:ip:%'");
    expect(keys.map((k) => k.key)).not.toContain("subscribe-client:ip:?");
    expect(keys.map((k) => k.key).some((k) => k.endsWith("127.0.0.1"))).toBe(true);
  });
});
