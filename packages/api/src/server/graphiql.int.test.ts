import "reflect-metadata";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, waitFor, type TestApi } from "../test/harness.js";

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  api = await startTestApi();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
  });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** GraphiQL at GET /graphql, with every request that leaves the API's origin refused and recorded. */
async function openIde(): Promise<{ page: Page; context: BrowserContext; elsewhere: string[] }> {
  const context = await browser.newContext();
  const elsewhere: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(api.url)) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const response = await page.goto(`${api.url}/graphql`);
  expect(response?.status()).toBe(200);
  await page.locator(`${QUERY} .CodeMirror`).waitFor({ timeout: 20_000 });
  // The editors fill in once their modes have loaded.
  await page.waitForFunction(
    (s) => !!(globalThis as unknown as InPage).document.querySelector(`${s} .CodeMirror`)?.CodeMirror?.getValue(),
    HEADERS,
    { timeout: 20_000 },
  );
  return { page, context, elsewhere };
}

const QUERY = ".graphiql-query-editor";
const HEADERS = ".graphiql-editor-tool .graphiql-editor:not(.hidden)";
const RESPONSE = ".graphiql-response";

// In the page (run by the browser, where the API's tsconfig has no DOM types): CodeMirror 5 hangs its
// instance on its element. Functions, not strings: the page's CSP forbids eval.
type InPage = { document: { querySelector(s: string): { CodeMirror?: CodeMirror } | null } };
type CodeMirror = { getValue(): string; focus(): void; getLine(n: number): string; setCursor(p: object): void };

const value = (page: Page, editor: string) =>
  page.evaluate(
    (s) => (globalThis as unknown as InPage).document.querySelector(`${s} .CodeMirror`)?.CodeMirror?.getValue() ?? "",
    editor,
  );
const showing = (page: Page, editor: string, text: string) =>
  page.waitForFunction(
    ([s, t]) =>
      (globalThis as unknown as InPage).document.querySelector(`${s} .CodeMirror`)?.CodeMirror?.getValue().includes(t!),
    [editor, text],
    { timeout: 10_000 },
  );

/** Clicks into the query editor, selects everything and types `text` as a person would. */
async function typeQuery(page: Page, text: string): Promise<void> {
  await page.locator(`${QUERY} .CodeMirror`).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
  await page.keyboard.press("Escape"); // closes the autocompletion hint, if open
  expect(await value(page, QUERY)).toBe(text);
}

async function run(page: Page, expected: string): Promise<unknown> {
  await page.locator(".graphiql-execute-button").click();
  await showing(page, RESPONSE, expected);
  return JSON.parse(await value(page, RESPONSE));
}

describe("GraphiQL at GET /graphql", () => {
  test("a browser opens the IDE, types a query, runs it and sees the result, fetching nothing from elsewhere", async () => {
    const { page, context, elsewhere } = await openIde();
    await typeQuery(page, "{ statusPage { indicator } }");
    expect(await run(page, '"indicator"')).toEqual({ data: { statusPage: { indicator: "NONE" } } });
    expect(elsewhere).toEqual([]);
    await context.close();
  });

  test("the headers editor starts with a Bearer template; a token typed into it is used", async () => {
    const { page, context } = await openIde();
    expect(JSON.parse(await value(page, HEADERS))).toEqual({ Authorization: "Bearer " });

    await typeQuery(page, "{ me { role } }");
    const anonymous = (await run(page, '"errors"')) as { errors: { extensions: { code: string } }[] };
    expect(anonymous.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");

    // Put the cursor after "Bearer " and type the token.
    await page.evaluate((s) => {
      const cm = (globalThis as unknown as InPage).document.querySelector(`${s} .CodeMirror`)!.CodeMirror!;
      cm.focus();
      cm.setCursor({ line: 1, ch: cm.getLine(1).indexOf("Bearer ") + "Bearer ".length });
    }, HEADERS);
    await page.keyboard.type(api.adminToken);
    expect(JSON.parse(await value(page, HEADERS))).toEqual({ Authorization: `Bearer ${api.adminToken}` });
    expect(await run(page, '"ADMIN"')).toEqual({ data: { me: { role: "ADMIN" } } });
    await context.close();
  });

  test("a subscription runs over the WebSocket and shows each change", async () => {
    const { page, context } = await openIde();
    const listeners = api.app.services.bus.listenerCount();
    await typeQuery(page, "subscription { statusPageChanged { components { name } } }");
    await page.locator(".graphiql-execute-button").click();
    await waitFor(() => api.app.services.bus.listenerCount() > listeners, 10_000);
    await api.must(`mutation { createComponent(input: { name: "Seen in GraphiQL" }) { id } }`);
    await showing(page, RESPONSE, "Seen in GraphiQL");
    await context.close();
  });

  test("a GraphQL client's GET is still answered by the API, not the IDE", async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent("{ statusPage { indicator } }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(await res.json()).toEqual({ data: { statusPage: { indicator: "NONE" } } });
  });
});

describe("in production", () => {
  const page = (target: TestApi) =>
    fetch(`${target.url}/graphql`, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });

  test("without GRAPHIQL a browser's GET /graphql is answered by the API as before: no IDE, nothing under /graphiql/", async () => {
    const prod = await startTestApi({ production: true });
    try {
      const res = await page(prod);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).not.toContain("text/html");
      expect(await res.text()).not.toContain("GraphiQL");
      expect((await fetch(`${prod.url}/graphiql/graphiql.js`)).status).toBe(404);
      expect((await fetch(`${prod.url}/graphiql/schema.json`)).status).toBe(404);
    } finally {
      await prod.close();
    }
  });

  test("with GRAPHIQL the IDE and its schema are served, while introspection over /graphql stays off", async () => {
    const prod = await startTestApi({ production: true, graphiql: true });
    try {
      const res = await page(prod);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await res.text()).toContain("/graphiql/graphiql.js");
      const schema = (await (await fetch(`${prod.url}/graphiql/schema.json`)).json()) as {
        __schema: { queryType: { name: string } };
      };
      expect(schema.__schema.queryType.name).toBe("Query");
      const introspection = await prod.gql("{ __schema { queryType { name } } }");
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await prod.close();
    }
  });
});
