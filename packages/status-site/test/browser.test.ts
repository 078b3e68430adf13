import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../api/src/test/harness.js";
import { eventually, seedDemo, startSiteFor, type RunningSite } from "./support.js";

let api: TestApi;
let site: RunningSite;
let browser: Browser;
let demo: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  api = await startTestApi();
  demo = await seedDemo(api);
  site = await startSiteFor(api);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await api?.close();
});

async function open(path: string, options: { timezoneId?: string; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ timezoneId: options.timezoneId ?? "UTC", ...options });
  const page = await context.newPage();
  const listenersBefore = api.app.services.bus.listenerCount();
  const response = await page.goto(`${site.url}${path}`);
  const close = async () => {
    await context.close();
    // The page's subscription ends on the server too, so the next test counts from a clean slate.
    await eventually(async () => {
      if (api.app.services.bus.listenerCount() > listenersBefore) throw new Error("still subscribed");
    });
  };
  return { page, response, listenersBefore, close };
}

/** Marks the document so that a reload would be noticed. */
async function markLoaded(page: Page) {
  await page.evaluate(() => ((window as unknown as { __loaded: string }).__loaded = "first load"));
}
const stillFirstLoad = (page: Page) =>
  page.evaluate(() => (window as unknown as { __loaded?: string }).__loaded === "first load");

/** The page's subscription is connected and registered with the API: changes from now on reach it. */
async function live(page: Page, listenersBefore: number) {
  await page.waitForFunction(() => document.body.dataset["liveState"] === "on", undefined, { timeout: 10_000 });
  await eventually(async () => {
    if (api.app.services.bus.listenerCount() <= listenersBefore) throw new Error("not subscribed yet");
  });
}

describe("live updates", () => {
  test("a public update appears on the home page without a reload", async () => {
    const { page, listenersBefore, close } = await open("/");
    await live(page, listenersBefore);
    await markLoaded(page);
    expect(await page.locator("#overall").textContent()).toBe("Partial System Outage");
    await demo.post(demo.open, {
      status: "MONITORING",
      message: "A fix is out; we are watching the latency come down.",
      visibility: "PUBLIC",
      componentStatuses: [{ componentId: demo.rest, status: "OPERATIONAL" }],
    });
    await page.getByText("A fix is out; we are watching the latency come down.").waitFor({ timeout: 10_000 });
    expect(await stillFirstLoad(page)).toBe(true);
    expect(await page.locator("#live-announcer").textContent()).toContain("updated");
    await close();
  });

  test("an incident page follows its incident without a reload, times in the reader's zone", async () => {
    const { page, listenersBefore, close } = await open(`/incidents/${demo.open}`, { timezoneId: "Asia/Tokyo" });
    await live(page, listenersBefore);
    await markLoaded(page);
    const times = await page.locator("main time").allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(/GMT\+9|JST/);
    await demo.post(demo.open, { status: "RESOLVED", message: "Latency is back to normal.", visibility: "PUBLIC" });
    await page.getByText("Latency is back to normal.").waitFor({ timeout: 10_000 });
    await page.locator(".status", { hasText: "Resolved" }).first().waitFor();
    expect(await stillFirstLoad(page)).toBe(true);
    // Fresh times are shown in the reader's zone too.
    for (const t of await page.locator("main time").allTextContents()) expect(t).toMatch(/GMT\+9|JST/);
    await close();
  });

  test("without JavaScript the page still shows the current state", async () => {
    const { page, response, close } = await open("/", { javaScriptEnabled: false });
    expect(response?.status()).toBe(200);
    expect(await page.locator("#overall").textContent()).toBeTruthy();
    expect(await page.getByText("Login errors").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Components" }).count()).toBe(1);
    await close();
  });
});

describe("incident and report pages", () => {
  test("an incident page links to its report, which opens", async () => {
    const { page, response, close } = await open(`/incidents/${demo.resolved}`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Login errors");
    await page.getByRole("link", { name: "Post-incident report" }).click();
    await page.waitForURL(`${site.url}/incidents/${demo.resolved}/reports/post-incident`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Post-incident report");
    await page.getByText("A certificate renewal job had been disabled.").waitFor();
    await close();
  });

  test("an unknown incident is a 404 page", async () => {
    const { page, response, close } = await open("/incidents/00000000-0000-4000-8000-0000000000cc");
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("could not find");
    await close();
  });
});

describe("subscribing", () => {
  test("from the header link, without JavaScript: the form, then 'check your inbox'", async () => {
    const { page, close } = await open("/", { javaScriptEnabled: false });
    await page.getByRole("link", { name: "Subscribe to updates" }).first().click();
    await page.waitForURL(`${site.url}/subscribe`);
    await page.getByLabel("Email address").fill("grace@example.net");
    await page.getByRole("checkbox", { name: "REST API" }).check();
    await page.getByRole("button", { name: "Subscribe" }).click();
    await page.waitForURL(`${site.url}/subscribe/done?result=check-inbox`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Check your inbox");
    const { subscribers } = await api.must(`{ subscribers(first: 10) { edges { node { email componentIds } } } }`);
    expect(subscribers.edges.map((e: any) => e.node)).toContainEqual({
      email: "grace@example.net",
      componentIds: [demo.rest],
    });
    await close();
  });

  test("an unsubscribe link opens a page whose button, pressed, says so", async () => {
    const { page, response, close } = await open(`/subscriptions/unsubscribe?token=${"t".repeat(43)}`);
    expect(response?.status()).toBe(200);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.waitForURL(`${site.url}/subscriptions/unsubscribe?result=done`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("You are unsubscribed");
    await close();
  });

  test("a refused webhook URL: the message beside the field, what was typed kept, the summary links to it", async () => {
    const { page, close } = await open("/subscribe");
    await page.getByLabel("Webhook URL").fill("http://10.1.2.3/hook");
    await page.getByRole("checkbox", { name: "Web app" }).check();
    await page.getByRole("button", { name: "Subscribe" }).click();
    await page.locator("#webhookUrl-error").waitFor();
    expect(await page.getByLabel("Webhook URL").inputValue()).toBe("http://10.1.2.3/hook");
    expect(await page.getByLabel("Webhook URL").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("checkbox", { name: "Web app" }).isChecked()).toBe(true);
    await page.locator(".error-summary a").first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("webhookUrl");
    await close();
  });
});

describe("accessibility basics", () => {
  test("the page is reachable by keyboard, starting with a skip link", async () => {
    const { page, close } = await open("/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await close();
  });

  test("every status is told in words beside its icon", async () => {
    const { page, close } = await open("/");
    const labels = await page.locator(".status .label").allTextContents();
    expect(labels.length).toBeGreaterThan(3);
    for (const label of labels) expect(label.trim()).not.toBe("");
    expect(await page.locator(".status svg[aria-hidden='true']").count()).toBe(labels.length);
    await close();
  });

  test("dark mode follows the reader's preference", async () => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(13, 17, 23)");
    await context.close();
  });

  test("a phone-sized screen needs no sideways scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ["/", "/subscribe"]) {
      await page.goto(`${site.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
