import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { TestApi } from "../../api/src/test/harness.js";

const ENTRY = fileURLToPath(new URL("../dist/server/entry.mjs", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface RunningSite {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** The built site, subscribed to `api`'s changes: tests may change things as soon as this resolves. */
export async function startSiteFor(
  api: TestApi,
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<RunningSite> {
  const baseline = api.app.services.bus.listenerCount();
  const site = await startSite(api.url, env, options);
  await eventually(async () => {
    if (api.app.services.bus.listenerCount() <= baseline) throw new Error("the site has not subscribed yet");
  }, 20_000);
  return site;
}

/**
 * The built site (`node dist/server/entry.mjs`), on a free port, reading the API at `apiUrl`; once
 * ready (`/readyz` 200), or with `ready: false` as soon as it answers at all.
 */
export async function startSite(
  apiUrl: string,
  env: Record<string, string> = {},
  options: { ready?: boolean; port?: number } = {},
): Promise<RunningSite> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", API_URL: apiUrl, SITE_URL: url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the site exited early:\n${output}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200 || options.ready === false,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the site did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Retries `check` until it passes: the site catches up with the API asynchronously. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A small status page: a group of two components, one alone, an open and a resolved incident with a report. */
export async function seedDemo(api: TestApi) {
  const component = async (name: string, group: string | null, position: number) =>
    (
      await api.must(`mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`, {
        input: { name, group, position },
      })
    ).createComponent.id as string;
  const rest = await component("REST API", "API", 1);
  const graph = await component("GraphQL API", "API", 2);
  const web = await component("Web app", null, 3);
  const report = async (title: string, severity: string, componentIds: string[]) =>
    (
      await api.must(`mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`, {
        input: { title, severity, componentIds },
      })
    ).reportIncident.id as string;
  const post = (id: string, input: Record<string, unknown>) =>
    api.must(
      `mutation($id: ID!, $input: PostStatusUpdateInput!) { postStatusUpdate(incidentId: $id, input: $input) { id } }`,
      { id, input },
    );
  // The liaison assesses each impact: customers read an impact someone set, never one presumed from the severity.
  const assess = (id: string, impact: string) =>
    api.must(`mutation($id: ID!, $input: AssessImpactInput!) { assessImpact(incidentId: $id, input: $input) { id } }`, {
      id,
      input: { impact, componentStatuses: [], summary: "Assessed" },
    });
  const resolved = await report("Login errors", "SEV3", [web]);
  await assess(resolved, "MINOR");
  await post(resolved, {
    status: "IDENTIFIED",
    message: "A certificate expired on the login service.",
    visibility: "PUBLIC",
    componentStatuses: [{ componentId: web, status: "PARTIAL_OUTAGE" }],
  });
  await post(resolved, { status: "RESOLVED", message: "The certificate was renewed.", visibility: "PUBLIC" });
  await api.must(
    `mutation($id: ID!, $input: PublishIncidentReportInput!) { publishIncidentReport(incidentId: $id, input: $input) { id } }`,
    {
      id: resolved,
      input: {
        kind: "POST_INCIDENT",
        summary: "Logins failed for 20 minutes.",
        rootCause: "A certificate renewal job had been disabled.",
        actionItems: ["Alert 14 days before any certificate expires"],
      },
    },
  );
  const open = await report("Slow API responses", "SEV2", [rest]);
  await assess(open, "MAJOR");
  await post(open, {
    status: "INVESTIGATING",
    message: "We are looking into slow responses of the REST API.",
    visibility: "PUBLIC",
    componentStatuses: [{ componentId: rest, status: "DEGRADED_PERFORMANCE" }],
  });
  await post(open, {
    status: "INVESTIGATING",
    message: "Internal note: paging the database team.",
    visibility: "INTERNAL",
  });
  const from = Date.now() + 86_400_000;
  const maintenance = (
    await api.must(
      `mutation($input: CreateScheduledMaintenanceInput!) { createScheduledMaintenance(input: $input) { id } }`,
      {
        input: {
          title: "Database upgrade",
          description: "The web app may be read-only for a few minutes.",
          componentIds: [web],
          scheduledFor: new Date(from).toISOString(),
          scheduledUntil: new Date(from + 7_200_000).toISOString(),
        },
      },
    )
  ).createScheduledMaintenance.id as string;
  return { rest, graph, web, resolved, open, maintenance, post };
}
