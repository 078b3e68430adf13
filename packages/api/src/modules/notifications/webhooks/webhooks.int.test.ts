import "reflect-metadata";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signWebhook } from "./standard-webhooks.js";
import { anAccount, aMember, HOUR, MINUTE } from "../../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../../test/harness.js";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let api: TestApi;
let receiver: Server;
let base: string;
const received = new Map<string, Received[]>();
const answers = new Map<string, number[]>();

beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false }, settings: { webhookAllowedHosts: ["127.0.0.1"] } });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const list = received.get(path) ?? [];
      list.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      received.set(path, list);
      const queue = answers.get(path) ?? [];
      res.writeHead(queue.shift() ?? 204);
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await api?.close();
  await new Promise((r) => receiver?.close(r));
});

const runDue = () => api.app.services.timers.runDue();

async function agentWithEndpoint(path: string) {
  const agent = await aMember(api, "SUPPORT_AGENT");
  await api.must(
    `mutation { updateNotificationPreferences(input: { channels: [IN_APP, WEBHOOK], leadMinutes: [30] }) { channels } }`,
    {},
    agent.token,
  );
  const created = await api.must(
    `mutation($url: String!) { createWebhookEndpoint(input: { url: $url }) { secret endpoint { id url enabled } } }`,
    { url: `${base}${path}` },
    agent.token,
  );
  return {
    agent,
    secret: created.createWebhookEndpoint.secret as string,
    endpointId: created.createWebhookEndpoint.endpoint.id,
  };
}

async function warnSoon(assigneeId: string) {
  const account = await anAccount(api);
  await api.must(
    `mutation($a: ID!, $u: ID) { openTicket(input: { accountId: $a, subject: "Webhook me", priority: P1, assigneeId: $u }) { id } }`,
    {
      a: account.id,
      u: assigneeId,
    },
  );
  api.clock.advance(91 * MINUTE);
  await runDue();
}

describe("signed webhooks", () => {
  test("a notification is POSTed signed per Standard Webhooks, retried with backoff until it lands", async () => {
    const { agent, secret } = await agentWithEndpoint("/flaky");
    answers.set("/flaky", [500, 503]);
    await warnSoon(agent.id);
    expect(received.get("/flaky")).toHaveLength(1);
    await runDue();
    expect(received.get("/flaky")).toHaveLength(1); // the retry waits out its backoff
    api.clock.advance(6_000); // 5 s, then 5 min: the first steps of the backoff
    await runDue();
    expect(received.get("/flaky")).toHaveLength(2);
    api.clock.advance(4 * MINUTE);
    await runDue();
    expect(received.get("/flaky")).toHaveLength(2);
    api.clock.advance(2 * MINUTE);
    await runDue();
    const attempts = received.get("/flaky")!;
    expect(attempts).toHaveLength(3);
    const ids = new Set(attempts.map((a) => a.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    for (const a of attempts) {
      const id = String(a.headers["webhook-id"]);
      const ts = Number(a.headers["webhook-timestamp"]);
      expect(a.headers["webhook-signature"]).toBe(signWebhook(secret, id, ts, a.body));
      expect(String(a.headers["webhook-signature"])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    }
    expect(JSON.parse(attempts[0]!.body)).toMatchObject({
      type: "notification.created",
      data: { kind: "SLA_WARNING" },
    });
    const endpoints = await api.must(
      `{ webhookEndpoints { deliveries { status attempts lastStatusCode } } }`,
      {},
      agent.token,
    );
    expect(endpoints.webhookEndpoints[0].deliveries).toEqual([
      { status: "DELIVERED", attempts: 3, lastStatusCode: 204 },
    ]);
  });

  test("the signing secret is stored sealed, not as shown at creation, and deliveries are still signed with it", async () => {
    const { agent, secret, endpointId } = await agentWithEndpoint("/sealed");
    const [row] = await api.sql<{ secret: string }>(`SELECT secret FROM webhook_endpoint WHERE id = $1`, [endpointId]);
    expect(row!.secret).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(row!.secret).not.toContain(secret.slice("whsec_".length));
    await warnSoon(agent.id);
    const [delivery] = received.get("/sealed")!;
    const id = String(delivery!.headers["webhook-id"]);
    const ts = Number(delivery!.headers["webhook-timestamp"]);
    expect(delivery!.headers["webhook-signature"]).toBe(signWebhook(secret, id, ts, delivery!.body));
  });

  test("410 Gone disables the endpoint", async () => {
    const { agent } = await agentWithEndpoint("/gone");
    answers.set("/gone", [410]);
    await warnSoon(agent.id);
    const endpoints = await api.must(
      `{ webhookEndpoints { enabled disabledReason deliveries { status } } }`,
      {},
      agent.token,
    );
    expect(endpoints.webhookEndpoints).toEqual([
      { enabled: false, disabledReason: "410 Gone", deliveries: [{ status: "FAILED" }] },
    ]);
    api.clock.advance(HOUR);
    await runDue();
    expect(received.get("/gone")).toHaveLength(1);
  });

  test("private and loopback targets are refused unless allowed; nothing is created", async () => {
    const agent = await aMember(api, "SUPPORT_AGENT");
    for (const url of ["http://10.1.2.3/hook", "http://[::1]:8080/hook", "http://169.254.169.254/latest"]) {
      const res = await api.gql(
        `mutation($url: String!) { createWebhookEndpoint(input: { url: $url }) { secret } }`,
        { url },
        agent.token,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        fields: { "input.url": expect.stringContaining("private") },
      });
    }
    const list = await api.must(`{ webhookEndpoints { id } }`, {}, agent.token);
    expect(list.webhookEndpoints).toEqual([]);
  });
});
