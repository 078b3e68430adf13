// Subscribing through the site without JavaScript, end to end: the real API, its mail (a local SMTP
// catcher), the links in the mail followed at the site.
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMailCatcher, type MailCatcher } from "../../api/src/platform/mail-catcher.js";
import { startTestApi, type TestApi } from "../../api/src/test/harness.js";
import { freePort, seedDemo, startSiteFor, type RunningSite } from "./support.js";

let api: TestApi;
let site: RunningSite;
let catcher: MailCatcher;
let demo: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  catcher = await startMailCatcher();
  // The API writes the site's address into its mail: the site's port is chosen first.
  const port = await freePort();
  api = await startTestApi({
    timers: { workers: false },
    mail: { smtpUrl: catcher.url, from: "Acme Status <status@acme.example>" },
    settings: { statusSiteUrl: `http://127.0.0.1:${port}`, webhookAllowedHosts: ["127.0.0.1"] },
  });
  demo = await seedDemo(api);
  site = await startSiteFor(api, {}, { port });
});
afterAll(async () => {
  await site?.stop();
  await api?.close().catch(() => {});
  await catcher?.stop();
});

const runDue = () => api.app.services.timers.runDue();

async function mailsTo(to: string): Promise<ParsedMail[]> {
  const raw = catcher.messages.filter((m) => m.to.includes(to)).map((m) => m.raw);
  return Promise.all(raw.map((r) => simpleParser(r)));
}

/** A form POST as a browser without JavaScript sends it from the site's own page. */
function post(path: string, fields: [string, string][], headers: Record<string, string> = {}) {
  return fetch(`${site.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: site.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
const get = (url: string) => fetch(url.startsWith("http") ? url : `${site.url}${url}`, { redirect: "manual" });

function fieldBlock(html: string, id: string): string {
  const start = html.lastIndexOf('<div class="field', html.indexOf(`id="${id}"`));
  return html.slice(start, html.indexOf("</div>", start));
}

async function subscribers(): Promise<
  { email: string | null; webhookUrl: string | null; confirmedAt: string | null }[]
> {
  const data = await api.must(`{ subscribers(first: 100) { edges { node { email webhookUrl confirmedAt } } } }`);
  return data.subscribers.edges.map((e: any) => e.node);
}

describe("subscribing by email through the site", () => {
  test("the form, the mailed link to the site's confirm page, an update by mail, and one-click unsubscribe at the site", async () => {
    const res = await post("/subscribe", [
      ["email", "ada@example.net"],
      ["componentIds", demo.rest],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/subscribe/done?result=check-inbox");
    await runDue();
    const [confirmation] = await mailsTo("ada@example.net");
    const link = new RegExp(`${site.url}/subscriptions/confirm\\?token=[A-Za-z0-9_%-]+`).exec(confirmation!.text!)![0];
    expect(await subscribers()).toEqual([expect.objectContaining({ email: "ada@example.net", confirmedAt: null })]);

    const confirmed = await get(link);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe("/subscriptions/confirm?result=confirmed");
    expect(await (await get("/subscriptions/confirm?result=confirmed")).text()).toContain(
      "Your subscription is confirmed",
    );
    expect((await subscribers())[0]!.confirmedAt).not.toBeNull();

    await demo.post(demo.open, { status: "IDENTIFIED", message: "A slow query, found.", visibility: "PUBLIC" });
    await runDue();
    const update = (await mailsTo("ada@example.net"))[1]!;
    expect(update.text).toContain("A slow query, found.");
    const header = update.headerLines.find((h) => h.key === "list-unsubscribe")!.line;
    const unsubscribe = /<([^>]+)>/.exec(header)![1]!;
    expect(unsubscribe).toMatch(new RegExp(`^${site.url}/subscriptions/unsubscribe\\?token=`));

    // Opening the link changes nothing; the mail provider's one-click POST does.
    expect((await get(unsubscribe)).status).toBe(200);
    expect(await subscribers()).toHaveLength(1);
    const click = await fetch(unsubscribe, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(click.status).toBe(200);
    expect(await subscribers()).toHaveLength(0);
  });

  test("the API's messages for a bad address or a private webhook stand beside their fields", async () => {
    const email = await post("/subscribe", [["email", "not-an-address"]]);
    expect(email.status).toBe(422);
    const emailHtml = await email.text();
    expect(fieldBlock(emailHtml, "email")).toContain("Is not an email address");
    expect(emailHtml).toContain("Email address: is not an email address");
    expect(fieldBlock(emailHtml, "email")).toContain('value="not-an-address"');

    const hook = await post("/subscribe", [
      ["webhookUrl", "http://10.1.2.3/hook"],
      ["componentIds", demo.web],
    ]);
    expect(hook.status).toBe(422);
    const hookHtml = await hook.text();
    expect(fieldBlock(hookHtml, "webhookUrl")).toContain("field-error");
    expect(fieldBlock(hookHtml, "email")).not.toContain("field-error");
    expect(hookHtml).toContain(`value="${demo.web}" checked`);
  });

  test("a webhook's signing secret is shown once; the same URL again is 'already subscribed'", async () => {
    const url = "http://127.0.0.1:9/status-hook";
    const first = await post("/subscribe", [["webhookUrl", url]]);
    expect(first.status).toBe(200);
    expect(await first.text()).toMatch(/data-signing-secret>\s*whsec_[A-Za-z0-9+/=]+\s*</);
    const again = await post("/subscribe", [["webhookUrl", url]]);
    expect(again.headers.get("location")).toBe("/subscribe/done?result=webhook-already-subscribed");
    expect((await subscribers()).filter((s) => s.webhookUrl === url)).toHaveLength(1);
  });

  test("an unknown confirmation link reads as expired", async () => {
    const res = await get(`/subscriptions/confirm?token=${"x".repeat(43)}`);
    expect(res.headers.get("location")).toBe("/subscriptions/confirm?result=unknown");
  });

  test("past the API's hourly limit the form asks to wait (every visitor counts as the site: see the report)", async () => {
    let last: Response | null = null;
    for (let i = 0; i < 40 && last?.status !== 429; i++)
      last = await post("/subscribe", [["email", `limit-${i}@example.net`]]);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.text()).toContain("Too many subscription requests came from your network");
  });
});
