import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../platform/config.js";
import { createLogger } from "../platform/logger.js";
import { anAccount } from "../test/support-factories.js";
import { collect, startTestApi, type TestApi } from "../test/harness.js";

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  err?: { type: string; message: string; code?: string; stack?: string };
  [key: string]: unknown;
}

/** An API whose log lines are kept, as its operators would read them. */
async function apiLogging(level: string, options: { production: boolean }) {
  const raw: string[] = [];
  const api = await startTestApi({
    production: options.production,
    log: createLogger({
      level: loadConfig({ LOG_LEVEL: level }).LOG_LEVEL,
      destination: { write: (line: string) => void raw.push(line) },
    }),
  });
  return { api, raw, lines: () => raw.map((l) => JSON.parse(l) as LogLine) };
}

// What a customer pastes into a ticket when their integration breaks.
const leakedSecret = "whsec_c2VjcmV0LXNpZ25pbmcta2V5LWZvci10ZXN0cw==";
const leakedEmail = "jane.doe@customer.example";
const leakedToken = "lsn_Zm9vYmFyYmF6cXV4LXRva2VuLWZvci1sZWFrLXRlc3Q";
const subject = `Webhooks fail: secret ${leakedSecret}, token ${leakedToken}, mail ${leakedEmail}`;

/** Every ticket insert fails, echoing what it was given, as some PostgreSQL errors do. */
async function breakTicketIntake(api: TestApi) {
  await api.sql(`
    CREATE FUNCTION refuse_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'ticket intake is closed (%)', NEW.subject; END $$;
    CREATE TRIGGER refuse_ticket BEFORE INSERT ON ticket FOR EACH ROW EXECUTE FUNCTION refuse_ticket();
  `);
}

const OPEN_TICKET = `mutation($a: ID!, $s: String!) { openTicket(input: { accountId: $a, subject: $s, priority: P2 }) { id } }`;

describe("logs in production", () => {
  let logged: Awaited<ReturnType<typeof apiLogging>>;
  let accountId: string;

  beforeAll(async () => {
    logged = await apiLogging("info", { production: true });
    accountId = (await anAccount(logged.api)).id;
    await breakTicketIntake(logged.api);
  });
  afterAll(() => logged?.api.close());

  test("a failing statement is logged with its SQLSTATE and a short message: no parameters, secrets, emails, tokens or stack", async () => {
    const res = await logged.api.gql(OPEN_TICKET, { a: accountId, s: subject });
    expect(res.errors?.[0]?.extensions.code).toBe("INTERNAL");

    const text = logged.raw.join("");
    expect(text).not.toContain(leakedSecret);
    expect(text).not.toContain(leakedSecret.slice("whsec_".length));
    expect(text).not.toContain(leakedEmail);
    expect(text).not.toContain(leakedToken);
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toContain("INSERT INTO");
    const failure = logged.lines().find((l) => l.err);
    expect(failure).toMatchObject({
      level: 50,
      msg: "GraphQL operation failed",
      err: { type: "QueryFailedError", code: "P0001" },
    });
    expect(failure!.err!.message).toMatch(/^ticket intake is closed \(Webhooks fail: secret whsec_\[redacted\]/);
    expect(failure!.err).not.toHaveProperty("stack");
    expect(Object.keys(failure!)).not.toEqual(expect.arrayContaining(["parameters"]));
  });

  test("every HTTP request is one line with its request id, echoed in x-request-id; a sane incoming id is kept", async () => {
    const given = await fetch(`${logged.api.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${logged.api.adminToken}`,
        "x-request-id": "edge-7f3a.42",
      },
      body: JSON.stringify({ query: OPEN_TICKET, variables: { a: accountId, s: subject } }),
    });
    expect(given.headers.get("x-request-id")).toBe("edge-7f3a.42");
    const mine = logged.lines().filter((l) => l.requestId === "edge-7f3a.42");
    expect(mine.map((l) => l.msg)).toEqual(["GraphQL operation failed", "request"]);
    expect(mine[1]).toMatchObject({ level: 30, method: "POST", path: "/graphql", status: 200 });

    const invented = await fetch(`${logged.api.url}/graphql?query=%7B__typename%7D`, {
      headers: { "x-request-id": `not sane ${"x".repeat(300)}` },
    });
    const id = invented.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged.lines().filter((l) => l.requestId === id)).toHaveLength(1);
  });

  test("each operation over one WebSocket has a request id of its own", async () => {
    const client = logged.api.ws();
    const before = logged.raw.length;
    for (let i = 0; i < 2; i++) {
      const run = collect(client, OPEN_TICKET, { a: accountId, s: subject });
      await run.until(1);
      expect(run.received[0]!.errors).toMatchObject([{ extensions: { code: "INTERNAL" } }]);
    }
    const failures = logged
      .lines()
      .slice(before)
      .filter((l) => l.msg === "GraphQL operation over WebSocket failed");
    expect(failures).toHaveLength(2);
    const ids = failures.map((l) => l.requestId);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(2);
    expect(logged.raw.slice(before).join("")).not.toContain(leakedEmail);
  });
});

test("LOG_LEVEL=warn keeps errors and drops info lines", async () => {
  const logged = await apiLogging("warn", { production: true });
  try {
    const accountId = (await anAccount(logged.api)).id;
    await breakTicketIntake(logged.api);
    await logged.api.gql(OPEN_TICKET, { a: accountId, s: subject });
    await logged.api.gql(`{ me { role } }`);
    expect(logged.lines().map((l) => [l.level, l.msg])).toEqual([[50, "GraphQL operation failed"]]);
  } finally {
    await logged.api.close();
  }
});

test("stack traces are logged at debug only", async () => {
  const logged = await apiLogging("debug", { production: true });
  try {
    const accountId = (await anAccount(logged.api)).id;
    await breakTicketIntake(logged.api);
    await logged.api.gql(OPEN_TICKET, { a: accountId, s: subject });
    const failure = logged.lines().find((l) => l.err);
    expect(failure?.err?.stack).toMatch(/\n\s+at /);
    expect(logged.raw.join("")).not.toContain(leakedEmail);
  } finally {
    await logged.api.close();
  }
});
