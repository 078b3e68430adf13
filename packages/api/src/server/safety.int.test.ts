import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collect, startTestApi, type TestApi } from "../test/harness.js";
import { MAX_ALIASES, MAX_DEPTH } from "../platform/graphql/limits.js";

let prod: TestApi;
beforeAll(async () => {
  prod = await startTestApi({ production: true });
});
afterAll(() => prod?.close());

// The depth rule counts nesting whatever the field names, so a generated chain proves it.
const deepQuery = (depth: number) => {
  let inner = "id";
  for (let i = 0; i < depth; i++) inner = `components { ${inner} }`;
  return `{ statusPage { ${inner} } }`;
};

async function wsErrors(api: TestApi, query: string): Promise<unknown[]> {
  const sub = collect<any>(api.ws(null), query);
  await sub.until(1);
  return sub.received[0]!.errors ?? [];
}

describe("in production", () => {
  test("introspection is off", async () => {
    const res = await prod.gql("{ __schema { types { name } } }", {}, null);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
  });

  test("errors give no field suggestions", async () => {
    const res = await prod.gql("{ statusPag { indicator } }", {}, null);
    expect(res.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });

  test("errors carry no stack traces", async () => {
    const res = await prod.gql(
      `mutation { reportIncident(input: { title: "", severity: SEV3 }) { id } }`,
      {},
      prod.adminToken,
    );
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  test("CSRF prevention refuses a simple GET request", async () => {
    const res = await fetch(`${prod.url}/graphql?query=${encodeURIComponent("{ statusPage { indicator } }")}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${prod.url}/graphql?query=${encodeURIComponent("{ statusPage { indicator } }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(ok.status).toBe(200);
  });
});

describe("limits hold over HTTP and WebSocket alike", () => {
  test(`a query deeper than ${MAX_DEPTH} levels is refused`, async () => {
    const res = await prod.gql(deepQuery(MAX_DEPTH), {}, null);
    expect(res.errors?.map((e) => e.message).join()).toMatch(/depth limit/);
    expect(res.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    const errors = await wsErrors(
      prod,
      `subscription ${deepQuery(MAX_DEPTH).replace("{ statusPage", "{ statusPageChanged")}`,
    );
    expect(JSON.stringify(errors)).toMatch(/depth limit/);
  });

  test("a query within the depth limit is answered", async () => {
    const res = await prod.gql(
      "{ statusPage { activeIncidents { components { id } updates { componentStatuses { status } } } } }",
      {},
      null,
    );
    expect(res.errors).toBeUndefined();
  });

  test(`more than ${MAX_ALIASES} aliases are refused`, async () => {
    const aliased = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: indicator`).join(" ");
    const res = await prod.gql(`{ statusPage { ${aliased} } }`, {}, null);
    expect(res.errors?.[0]?.message).toMatch(/aliases limit/i);
    const errors = await wsErrors(prod, `subscription { statusPageChanged { ${aliased} } }`);
    expect(JSON.stringify(errors)).toMatch(/aliases limit/i);
  });

  test("introspection is refused over WebSocket too", async () => {
    const errors = await wsErrors(prod, `subscription { __typename }`);
    expect(errors.length).toBeGreaterThan(0);
  });
});
