import { request as httpRequest } from "node:http";
import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MAX_BODY_BYTES } from "../platform/http/http.js";
import { startTestApi, type TestApi } from "../test/harness.js";

let prod: TestApi;
beforeAll(async () => {
  prod = await startTestApi({ production: true, timers: { workers: false } });
});
afterAll(() => prod?.close());

// Audits whose request needs introspection, which production refuses: both ask for `__type(name: …)`.
const NEEDS_INTROSPECTION = new Set(["BF61", "28B9"]);

describe("GraphQL over HTTP", () => {
  test("the graphql-http audit passes every MUST against the production API", async () => {
    const results = await auditServer({ url: `${prod.url}/graphql` });
    const failed = results
      .filter((r) => r.name.startsWith("MUST") && r.status !== "ok" && !NEEDS_INTROSPECTION.has(r.id))
      .map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(failed).toEqual([]);
  });

  test("the public response cache keys by Accept: each caller gets the content type they asked for", async () => {
    const ask = (accept: string) =>
      fetch(`${prod.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept },
        body: JSON.stringify({ query: "{ statusPage { indicator } }" }),
      });
    // The first caller fills the cache; the others must not be served its answer.
    for (let round = 0; round < 2; round++) {
      const modern = await ask("application/graphql-response+json");
      expect(modern.status).toBe(200);
      expect(modern.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
      const legacy = await ask("application/json");
      expect(legacy.status).toBe(200);
      expect(legacy.headers.get("content-type")).toMatch(/^application\/json/);
      const html = await ask("text/html");
      expect(html.status).toBe(406);
    }
    expect((await ask("application/json")).headers.get("x-liaison-cache")).toBe("hit");
  });
});

describe("HTTP caching of public reads", () => {
  const QUERY = "{ statusPage { indicator components { name } } }";
  const get = (headers: Record<string, string> = {}) =>
    fetch(`${prod.url}/graphql?query=${encodeURIComponent(QUERY)}`, {
      // Apollo's CSRF rule: a GET names itself a GraphQL request with this header (a CDN must forward it).
      headers: { accept: "application/json", "apollo-require-preflight": "true", ...headers },
    });

  test("an anonymous public answer may be kept by a CDN, carries an ETag, and GET with it is a 304 until a change", async () => {
    for (const round of ["miss", "hit"]) {
      const first = await get();
      expect(first.status, round).toBe(200);
      expect(first.headers.get("cache-control")).toBe("public, max-age=5, s-maxage=10, stale-while-revalidate=20");
      expect(first.headers.get("vary")).toBe("Accept, Authorization");
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get({ "if-none-match": etag! });
      expect(again.status).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(await again.text()).toBe("");
    }
    const before = (await get()).headers.get("etag")!;
    await prod.must(`mutation { createComponent(input: { name: "Cached thing" }) { id } }`);
    // The change reaches the next read at once (each process drops its cache on it): a new body, a new ETag.
    const after = await get({ "if-none-match": before });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
    expect(await after.text()).toContain("Cached thing");
  });

  test("a POST gets the same headers but never a 304; a signed-in answer is not to be stored", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${prod.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: QUERY }),
      });
    const anonymous = await post({});
    const etag = anonymous.headers.get("etag")!;
    expect(anonymous.headers.get("cache-control")).toContain("s-maxage=10");
    const conditional = await post({ "if-none-match": etag });
    expect(conditional.status).toBe(200);
    expect(await conditional.json()).toHaveProperty("data.statusPage");
    const signedIn = await post({ authorization: `Bearer ${prod.adminToken}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    expect(signedIn.headers.get("etag")).toBeNull();
  });
});

/** POSTs `bytes` bytes over one kept-alive connection, then a small request; both answers, in order. */
function oversizedThenSmall(path: string, bytes: number) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = httpRequest(
      `${prod.url}${path}`,
      { method: "POST", headers: { "content-type": "application/json", "content-length": String(bytes) } },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
      },
    );
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const write = (): void => {
      while (sent < bytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once("drain", write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

describe("bodies over the limit", () => {
  test("a GraphQL body over the limit is 413 and the connection is closed cleanly, not reset", async () => {
    const answer = await oversizedThenSmall("/graphql", 2 * MAX_BODY_BYTES);
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe("close");
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    // The next request (a fresh connection from fetch's pool) is answered normally.
    const next = await prod.gql("{ statusPage { indicator } }", {}, null);
    expect(next.errors).toBeUndefined();
  });

  test("fetch with keep-alive gets the 413 and its next request goes through", async () => {
    const big = await fetch(`${prod.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(2 * MAX_BODY_BYTES),
    });
    expect(big.status).toBe(413);
    await big.text();
    const next = await fetch(`${prod.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ statusPage { indicator } }" }),
    });
    expect(next.status).toBe(200);
  });

  test.each(["/v2/enqueue", "/v2/change/enqueue"])(
    "an event over 512 KB at %s is PagerDuty's 400 `invalid event`, on a cleanly closed connection",
    async (path) => {
      const answer = await oversizedThenSmall(path, 600 * 1024);
      expect(answer.status).toBe(400);
      expect(answer.connection).toBe("close");
      expect(JSON.parse(answer.body)).toMatchObject({ status: "invalid event", message: "Event object is invalid" });
    },
  );
});
