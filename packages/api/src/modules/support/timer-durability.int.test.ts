import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDataSource } from "../../server/database.js";
import { buildApp, type App } from "../../server/app.js";
import { routes } from "../../server/routes.js";
import { aMember, MINUTE } from "../../test/support-factories.js";
import { silentLog, startTestApi, TestClock, waitFor, type TestApi } from "../../test/harness.js";

let api: TestApi;
let liaison: { id: string };
beforeAll(async () => {
  // Jobs queued here expire after 2 s, so a dead worker's job is handed on quickly.
  api = await startTestApi({ timers: { workers: false, expireInSeconds: 2 } });
  liaison = await aMember(api, "SUPPORT_AGENT");
  await api.must(`mutation($l: [ID!]) { updateOrganization(input: { liaisonUserIds: $l }) { id } }`, {
    l: [liaison.id],
  });
});
afterAll(() => api?.close());

/** An incident whose impact-assessment reminder (to its liaison) is due at once. */
async function incidentDueForReminder() {
  const reportedAt = new Date(api.clock.now().getTime() - 4 * MINUTE).toISOString();
  const incident = (
    await api.must(
      `mutation($at: DateTime) { reportIncident(input: { title: "Queue stuck", severity: SEV2, reportedAt: $at }) { id } }`,
      {
        at: reportedAt,
      },
    )
  ).reportIncident;
  return incident;
}

async function reminders(incidentId: string) {
  return api.sql<{ user_id: string }>(
    "SELECT user_id FROM notification WHERE incident_id = $1 AND kind = 'CADENCE_REMINDER' ORDER BY user_id",
    [incidentId],
  );
}

function startChild(): { child: ChildProcess; lines: string[] } {
  const script = fileURLToPath(new URL("../../test/timer-worker.child.ts", import.meta.url));
  const apiDir = fileURLToPath(new URL("../../../", import.meta.url));
  // tsx as a loader inside node itself (not its CLI wrapper), so SIGKILL reaches the worker.
  const child = spawn(process.execPath, ["--import", "tsx", script, api.databaseUrl], {
    cwd: apiDir,
    env: { ...process.env, TSX_TSCONFIG_PATH: `${apiDir}tsconfig.json` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  return { child, lines };
}

describe("durable timers", () => {
  test("a worker killed with SIGKILL in the middle of a job: the reminder still fires, exactly once", async () => {
    const { child, lines } = startChild();
    try {
      await waitFor(() => lines.includes("READY"), 30_000);
      const incident = await incidentDueForReminder();
      await waitFor(() => lines.includes("MID-JOB"), 20_000);
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      expect(await reminders(incident.id)).toEqual([]);

      // The dead worker's claim expires; pg-boss's maintenance hands the job back, another worker runs it.
      await new Promise((r) => setTimeout(r, 2_500));
      await api.app.services.timers.supervise();
      // The retry waits out pg-boss's retry delay (a second or two) on the database's clock.
      let fired: { user_id: string }[] = [];
      for (const deadline = Date.now() + 15_000; fired.length === 0 && Date.now() < deadline;) {
        await new Promise((r) => setTimeout(r, 250));
        await api.app.services.timers.runDue();
        fired = await reminders(incident.id);
      }
      await api.app.services.timers.runDue();
      fired = await reminders(incident.id);
      expect(fired.map((r) => r.user_id)).toEqual([liaison.id]);
    } finally {
      child.kill("SIGKILL");
    }
  });

  test("two API processes working the same queues send one notification per obligation", async () => {
    const apps: App[] = [];
    const sources = [];
    try {
      for (let i = 0; i < 2; i++) {
        const db = createDataSource(api.databaseUrl, { poolSize: 10 });
        await db.initialize();
        sources.push(db);
        const app = await buildApp(
          {
            db,
            databaseUrl: api.databaseUrl,
            clock: new TestClock(),
            log: silentLog,
            timers: { workers: true, pollingIntervalSeconds: 0.5 },
          },
          routes,
        );
        apps.push(app);
      }
      const incidents = [];
      for (let i = 0; i < 10; i++) incidents.push(await incidentDueForReminder());
      const ids = incidents.map((i) => i.id);
      const count = async () =>
        Number(
          (
            await api.sql<{ n: string }>(
              "SELECT count(*) AS n FROM notification WHERE incident_id = ANY($1::uuid[]) AND kind = 'CADENCE_REMINDER'",
              [ids],
            )
          )[0]!.n,
        );
      let seen = 0;
      const deadline = Date.now() + 20_000;
      while (seen < 10 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        seen = await count();
      }
      expect(seen).toBe(10);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await count()).toBe(10);
      const perPerson = await api.sql<{ incident_id: string; user_id: string; n: string }>(
        `SELECT incident_id, user_id, count(*) AS n FROM notification
          WHERE incident_id = ANY($1::uuid[]) AND kind = 'CADENCE_REMINDER' GROUP BY 1, 2`,
        [ids],
      );
      expect(perPerson).toHaveLength(10);
      expect(perPerson.every((r) => Number(r.n) === 1)).toBe(true);
    } finally {
      for (const app of apps) await app.stop();
      for (const db of sources) await db.destroy();
    }
  });
});
