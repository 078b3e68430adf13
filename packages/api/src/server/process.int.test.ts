import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase } from "../test/harness.js";

// The API as deployed: `pnpm --filter ./packages/api start` runs dist/main.js (`pnpm test` builds first).
const main = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const running: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
});
afterAll(async () => {
  for (const child of running) child.kill("SIGKILL");
  await database?.drop();
});

async function startProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  expect(existsSync(main), "packages/api/dist/main.js is missing: run `pnpm build`").toBe(true);
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env["PATH"] ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line; output: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

test("the API starts alone: migrates, answers /healthz, and ADMIN_TOKEN is the first credential", async () => {
  const adminToken = "first-admin-credential-0123456789";
  const { url, child } = await startProcess({ DATABASE_URL: database.url, ADMIN_TOKEN: adminToken });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      query: `mutation { createUser(input: { name: "Ops", email: "ops@example.com", role: RESPONDER }) { user { role } token } }`,
    }),
  });
  const body = (await res.json()) as { data: { createUser: { user: { role: string }; token: string } } };
  expect(body.data.createUser.user.role).toBe("RESPONDER");
  await stop(child);

  // A restart with the same ADMIN_TOKEN neither fails nor adds a second administrator.
  const again = await startProcess({ DATABASE_URL: database.url, ADMIN_TOKEN: adminToken });
  const admins = await fetch(`${again.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query: "{ me { role } }" }),
  });
  expect(((await admins.json()) as { data: { me: { role: string } } }).data.me.role).toBe("ADMIN");
  await stop(again.child);
});

test("a bad environment fails fast with a readable message", async () => {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env["PATH"] ?? "", PORT: "not-a-port", DATABASE_URL: database.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const code = await new Promise((r) => child.once("exit", r));
  expect(code).not.toBe(0);
  expect(output).toMatch(/PORT/);
});

async function exitOf(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env["PATH"] ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  return { code, stdout, stderr };
}

test("in production the API refuses to start without SECRETS_KEY, saying so in one sentence", async () => {
  const { code, stdout, stderr } = await exitOf({ NODE_ENV: "production", DATABASE_URL: database.url });
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).toMatch(/SECRETS_KEY is required when NODE_ENV=production/);
  expect(stderr).not.toMatch(/\s+at /);

  const short = await exitOf({ NODE_ENV: "production", DATABASE_URL: database.url, SECRETS_KEY: "dG9vIHNob3J0" });
  expect(short.code).toBe(1);
  expect(short.stderr).toMatch(/SECRETS_KEY must be 32 random bytes, base64-encoded/);
});

test("in production with SECRETS_KEY the API starts and logs JSON lines, one per request, with its x-request-id", async () => {
  const { url, child } = await startProcess({
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    SECRETS_KEY: randomBytes(32).toString("base64"),
  });
  let stdout = "";
  child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "lb-0001" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  expect(res.headers.get("x-request-id")).toBe("lb-0001");
  await stop(child);
  const lines = stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toContainEqual(
    expect.objectContaining({ level: 30, msg: "request", requestId: "lb-0001", status: 200 }),
  );
});
