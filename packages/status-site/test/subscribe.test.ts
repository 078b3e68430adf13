// The subscription pages without JavaScript: plain form POSTs, against the built site and a stand-in API
// whose answers each test chooses (errors, limits and outages the real API gives only in hard cases).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { FAKE_COMPONENTS, graphqlError, startFakeApi, type FakeApi } from "./fake-api.js";
import { startSite, type RunningSite } from "./support.js";

const SECRET = "site-to-api-forwarding-secret";
let api: FakeApi;
let site: RunningSite;

beforeAll(async () => {
  api = await startFakeApi();
  site = await startSite(api.url, { API_FORWARDING_SECRET: SECRET });
});
afterAll(async () => {
  await site?.stop();
  await api?.close();
});
beforeEach(() => {
  api.calls.length = 0;
});

const subscriber = (
  channel: "EMAIL" | "WEBHOOK",
  confirmedAt: string | null = null,
  signingSecret: string | null = null,
) => ({
  body: {
    data: {
      subscribe: {
        id: "s1",
        channel,
        email: null,
        webhookUrl: null,
        componentIds: [],
        confirmedAt,
        createdAt: "2026-01-05T10:00:00Z",
        signingSecret,
      },
    },
  },
});

/** A form POST as a browser without JavaScript sends it from the site's own page. */
function post(path: string, fields: [string, string][], headers: Record<string, string> = {}) {
  return fetch(`${site.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: site.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
const get = (path: string) => fetch(`${site.url}${path}`, { redirect: "manual" });

/** The block of one form field, where its message must stand. */
function fieldBlock(html: string, id: string): string {
  const start = html.lastIndexOf('<div class="field', html.indexOf(`id="${id}"`));
  return html.slice(start, html.indexOf("</div>", start));
}

describe("the subscribe form", () => {
  test("is a plain form with email, webhook URL and a choice of the page's components, and lists feeds", async () => {
    const res = await get("/subscribe");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toMatch(/<form method="post" action="\/subscribe"/);
    expect(html).toMatch(/<input id="email" name="email" type="email"/);
    expect(html).toMatch(/<input id="webhookUrl" name="webhookUrl" type="url"/);
    for (const id of Object.values(FAKE_COMPONENTS))
      expect(html).toContain(`type="checkbox" name="componentIds" value="${id}"`);
    expect(html).toContain("API");
    expect(html).toContain(`href="/components/${FAKE_COMPONENTS.rest}/history.rss"`);
    expect(html).toContain(`href="/components/${FAKE_COMPONENTS.web}/history.json"`);
    expect(html).toContain('href="/history.json"');
  });

  test("an email subscription redirects to 'check your inbox', sending the chosen components", async () => {
    api.answer("Subscribe", subscriber("EMAIL"));
    const res = await post("/subscribe", [
      ["email", "  ada@example.com "],
      ["webhookUrl", ""],
      ["componentIds", FAKE_COMPONENTS.rest],
      ["componentIds", FAKE_COMPONENTS.web],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/subscribe/done?result=check-inbox");
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]!.variables).toEqual({
      email: "ada@example.com",
      componentIds: [FAKE_COMPONENTS.rest, FAKE_COMPONENTS.web],
    });
    const done = await (await get("/subscribe/done?result=check-inbox")).text();
    expect(done).toContain("Check your inbox");
    expect(done).toContain("within 10 minutes");
    expect(done).not.toContain("ada@example.com");
  });

  test("no component chosen is sent as none (all), and an address confirmed before reads 'already subscribed'", async () => {
    api.answer("Subscribe", subscriber("EMAIL", "2026-01-01T00:00:00Z"));
    const res = await post("/subscribe", [["email", "ada@example.com"]]);
    expect(res.headers.get("location")).toBe("/subscribe/done?result=already-subscribed");
    expect(api.calls[0]!.variables).toEqual({ email: "ada@example.com", componentIds: [] });
    const done = await (await get("/subscribe/done?result=already-subscribed")).text();
    expect(done).toContain("You are already subscribed");
  });

  test("a new webhook's page shows its signing secret once, in the answer to the POST itself", async () => {
    api.answer("Subscribe", subscriber("WEBHOOK", "2026-01-05T10:00:00Z", "whsec_c2VjcmV0LXNpZ25pbmcta2V5"));
    const res = await post("/subscribe", [["webhookUrl", "https://hooks.example.com/status"]]);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(api.calls[0]!.variables).toEqual({ webhookUrl: "https://hooks.example.com/status", componentIds: [] });
    const html = await res.text();
    expect(html).toContain("Your webhook is subscribed");
    expect(html).toContain("whsec_c2VjcmV0LXNpZ25pbmcta2V5");
    expect(html).toContain("https://hooks.example.com/status");
  });

  test("a webhook URL subscribed before reads 'already subscribed' (its secret is not shown again)", async () => {
    api.answer("Subscribe", subscriber("WEBHOOK", "2026-01-05T10:00:00Z", null));
    const res = await post("/subscribe", [["webhookUrl", "https://hooks.example.com/status"]]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/subscribe/done?result=webhook-already-subscribed");
    const done = await (await get("/subscribe/done?result=webhook-already-subscribed")).text();
    expect(done).toContain("This webhook URL is already subscribed");
  });

  test("the API's field messages stand beside their fields, with what was typed kept (and escaped)", async () => {
    api.answer(
      "Subscribe",
      graphqlError("BAD_USER_INPUT", "Invalid input", {
        fields: {
          "input.email": "Enter an email address like name@example.com",
          "input.componentIds.0": "Unknown component",
        },
      }),
    );
    const typed = 'ada"><script>alert(1)</script>';
    const res = await post("/subscribe", [
      ["email", typed],
      ["componentIds", FAKE_COMPONENTS.graph],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("<title>Error: Subscribe to updates");
    const email = fieldBlock(html, "email");
    expect(email).toContain("Enter an email address like name@example.com");
    expect(email).toContain('aria-invalid="true"');
    expect(email).toContain('aria-describedby="email-hint email-error"');
    // The quote is escaped, so the value cannot end the attribute: the rest is text inside it.
    expect(email).toContain('value="ada&quot;><script>alert(1)</script>"');
    expect(fieldBlock(html, "webhookUrl")).not.toContain("field-error");
    expect(html).toMatch(/id="componentIds-error"[^>]*>[\s\S]*?Unknown component/);
    expect(html).toContain(`value="${FAKE_COMPONENTS.graph}" checked`);
    expect(html).not.toContain(`value="${FAKE_COMPONENTS.rest}" checked`);
    expect(html).toMatch(/class="error-summary"[\s\S]*href="#email"/);
  });

  test("neither an address nor a URL is answered by the site itself, without asking the API", async () => {
    const res = await post("/subscribe", [
      ["email", ""],
      ["webhookUrl", "  "],
    ]);
    expect(res.status).toBe(422);
    expect(fieldBlock(await res.text(), "email")).toContain("Enter an email address, or a webhook URL below.");
    expect(api.calls).toHaveLength(0);
  });

  test("both an address and a URL: the site asks for one of them", async () => {
    const res = await post("/subscribe", [
      ["email", "ada@example.com"],
      ["webhookUrl", "https://hooks.example.com/x"],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldBlock(html, "webhookUrl")).toContain("not both");
    expect(fieldBlock(html, "email")).toContain('value="ada@example.com"');
    expect(api.calls).toHaveLength(0);
  });

  test("a rate limit reads as a wait in words, with Retry-After", async () => {
    api.answer(
      "Subscribe",
      graphqlError("RATE_LIMITED", "Too many requests; retry in 600 s", { retryAfter: 600 }, 429),
    );
    const res = await post("/subscribe", [["email", "ada@example.com"]]);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("600");
    const html = await res.text();
    expect(html).toContain("Please try again in about 10 minutes.");
    expect(fieldBlock(html, "email")).toContain('value="ada@example.com"');
  });

  test("an API that is down, or answers SERVICE_UNAVAILABLE, leaves the form filled and says nothing was saved", async () => {
    api.answer("Subscribe", graphqlError("SERVICE_UNAVAILABLE", "retry later", {}, 503));
    const res = await post("/subscribe", [["webhookUrl", "https://hooks.example.com/x"]]);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain("nothing was saved");
    expect(fieldBlock(html, "webhookUrl")).toContain('value="https://hooks.example.com/x"');
  });

  test("a POST from another site, or with no Origin, is refused before the API is asked", async () => {
    const forged = await post("/subscribe", [["email", "victim@example.com"]], { origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    const bare = await fetch(`${site.url}/subscribe`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=victim%40example.com",
    });
    expect(bare.status).toBe(403);
    expect(api.calls).toHaveLength(0);
  });

  test("the visitor's address is passed on to the API with the shared secret, for its per-client limit", async () => {
    api.answer("Subscribe", subscriber("EMAIL"));
    await post("/subscribe", [["email", "ada@example.com"]]);
    expect(api.calls[0]!.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(api.calls[0]!.headers["x-liaison-forwarding-secret"]).toBe(SECRET);
  });

  test("without a shared secret the site forwards no address at all", async () => {
    const plain = await startSite(api.url);
    try {
      api.answer("Subscribe", subscriber("EMAIL"));
      await fetch(`${plain.url}/subscribe`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: plain.url },
        body: "email=ada%40example.com",
      });
      expect(api.calls).toHaveLength(1);
      expect(api.calls[0]!.headers["x-forwarded-for"]).toBeUndefined();
      expect(api.calls[0]!.headers["x-liaison-forwarding-secret"]).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });

  test("the result page without a known result goes back to the form", async () => {
    const res = await get("/subscribe/done?result=whatever");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/subscribe");
  });
});

describe("confirming", () => {
  test("a good link confirms and lands on a page without the token", async () => {
    api.answer("ConfirmSubscription", {
      body: { data: { confirmSubscription: { id: "s1", channel: "EMAIL", confirmedAt: "2026-01-05T10:00:00Z" } } },
    });
    const res = await get("/subscriptions/confirm?token=tok-good");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/subscriptions/confirm?result=confirmed");
    expect(api.calls[0]).toMatchObject({ operation: "ConfirmSubscription", variables: { token: "tok-good" } });
    const page = await get("/subscriptions/confirm?result=confirmed");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Your subscription is confirmed");
  });

  test("an unknown or expired token reads as an expired link, with a way to subscribe again", async () => {
    api.answer("ConfirmSubscription", graphqlError("NOT_FOUND", "No such subscription"));
    const res = await get("/subscriptions/confirm?token=tok-old");
    expect(res.headers.get("location")).toBe("/subscriptions/confirm?result=unknown");
    const html = await (await get("/subscriptions/confirm?result=unknown")).text();
    expect(html).toContain("This confirmation link has expired or is not known");
    expect(html).toContain('href="/subscribe"');
  });

  test("a link cut short is answered without asking the API", async () => {
    const res = await get("/subscriptions/confirm");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("This link is incomplete");
    expect(api.calls).toHaveLength(0);
  });

  test("when the API is away the page asks to open the link again (the token stays in the address)", async () => {
    api.answer("ConfirmSubscription", graphqlError("SERVICE_UNAVAILABLE", "retry later", {}, 503));
    const res = await get("/subscriptions/confirm?token=tok-good");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("Please open the link again in a moment.");
  });
});

describe("unsubscribing", () => {
  test("opening the link only asks: a button POSTs, so link scanners unsubscribe no one", async () => {
    const res = await get("/subscriptions/unsubscribe?token=tok-1");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<form method="post" action="\/subscriptions\/unsubscribe\?token=tok-1">/);
    expect(html).toMatch(/<button type="submit" name="unsubscribe" value="yes"/);
    expect(api.calls).toHaveLength(0);
  });

  test("the button unsubscribes and redirects to a page that says so", async () => {
    api.answer("Unsubscribe", { body: { data: { unsubscribe: true } } });
    const res = await post("/subscriptions/unsubscribe?token=tok-1", [["unsubscribe", "yes"]]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/subscriptions/unsubscribe?result=done");
    expect(api.calls[0]).toMatchObject({ operation: "Unsubscribe", variables: { token: "tok-1" } });
    expect(await (await get("/subscriptions/unsubscribe?result=done")).text()).toContain("You are unsubscribed");
  });

  test("RFC 8058 one-click POSTs from a mail provider (no Origin) are answered 200 without a redirect", async () => {
    api.answer("Unsubscribe", { body: { data: { unsubscribe: true } } });
    const urlencoded = await fetch(`${site.url}/subscriptions/unsubscribe?token=tok-2`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(urlencoded.status).toBe(200);
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    const viaMultipart = await fetch(`${site.url}/subscriptions/unsubscribe?token=tok-3`, {
      method: "POST",
      redirect: "manual",
      body: multipart,
    });
    expect(viaMultipart.status).toBe(200);
    expect(api.calls.map((c) => c.variables["token"])).toEqual(["tok-2", "tok-3"]);
  });

  test("an unknown token: one-click gets 404, the button a page saying the link is not known", async () => {
    api.answer("Unsubscribe", graphqlError("NOT_FOUND", "No such subscription"));
    const oneClick = await fetch(`${site.url}/subscriptions/unsubscribe?token=tok-x`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(404);
    const button = await post("/subscriptions/unsubscribe?token=tok-x", [["unsubscribe", "yes"]]);
    expect(button.headers.get("location")).toBe("/subscriptions/unsubscribe?result=unknown");
    expect(await (await get("/subscriptions/unsubscribe?result=unknown")).text()).toContain(
      "This unsubscribe link is not known",
    );
  });

  test("when the API is away the button's page says the visitor is still subscribed", async () => {
    api.answer("Unsubscribe", graphqlError("SERVICE_UNAVAILABLE", "retry later", {}, 503));
    const res = await post("/subscriptions/unsubscribe?token=tok-1", [["unsubscribe", "yes"]]);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain("so you are still subscribed");
    expect(html).toContain('action="/subscriptions/unsubscribe?token=tok-1"');
  });
});
