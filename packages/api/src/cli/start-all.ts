import "reflect-metadata";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultDataDir } from "../platform/db/embedded.js";
import { startMailCatcher } from "../platform/mail-catcher.js";
import { createLogger } from "../platform/logger.js";
import { loadConfigOrExit } from "./load-config.js";
import { DEMO_TOKENS, seedDemo } from "./demo-seed.js";
import {
  exitOnStartFailure,
  spawnTethered,
  startApi,
  stopOnSignals,
  stopProcess,
  type RunningApi,
} from "./start-api.js";

// `pnpm start`: the API and the status site on an embedded PostgreSQL, with demo data.
const config = loadConfigOrExit();
let api: RunningApi | null = null;
let site: ChildProcess | null = null;
const say = (line: string) => console.log(`  ${line}`);

stopOnSignals(async (signal) => {
  if (!api) {
    console.log(`\n${signal}: stopped before start-up finished.`);
    return;
  }
  console.log(`\n${signal}: stopping.`);
  if (site && site.exitCode === null && site.signalCode === null) {
    await stopProcess(site);
    say("Status site stopped");
  }
  await api.stop(say);
  await catcher?.stop();
  console.log("Stopped.");
});

// Until `api` is set, a signal just exits: the exit hooks stop the database and the site.
// The API's own lines are JSON logs; the banner below is for the person at the terminal.
// Without SMTP_URL, mail goes to a real SMTP server in this process that keeps it (.eml files, GET /dev/mail).
// The site forwards visitors' addresses to the API's per-client limits with this shared secret.
const forwardingSecret = config.API_FORWARDING_SECRET ?? randomBytes(24).toString("base64url");
// Beside the database's folder (PostgreSQL wants its own to itself).
const mailDir = join(dirname(config.LIAISON_DATA_DIR ?? defaultDataDir()), "mail");
const catcher = config.SMTP_URL ? null : await startMailCatcher({ dir: mailDir }).catch(exitOnStartFailure);
const started = await startApi(config, createLogger({ level: config.LOG_LEVEL }), {
  statusSiteUrl: `http://localhost:${config.SITE_PORT}`,
  forwardingSecret,
  ...(catcher ? { smtpUrl: catcher.url, mailCatcher: catcher } : {}),
}).catch(exitOnStartFailure);
const fresh = await seedDemo(started.app).catch(exitOnStartFailure);
const apiUrl = started.url;

const siteEntry = fileURLToPath(new URL("../../../status-site/dist/server/entry.mjs", import.meta.url));
let siteUrl: string | null = null;
if (existsSync(siteEntry)) {
  // In a process group of its own, so Ctrl+C reaches us only and we stop it before the API it
  // reads; tethered, so it goes when we go, however we go.
  const child = spawnTethered("TERM", process.execPath, [siteEntry], {
    env: {
      // The site is its own process with its own configuration: hand it ours plus its settings.
      // eslint-disable-next-line no-restricted-properties
      ...process.env,
      PORT: String(config.SITE_PORT),
      HOST: config.HOST,
      API_URL: apiUrl.replace("0.0.0.0", "127.0.0.1"),
      PUBLIC_API_URL: apiUrl,
      ASTRO_TELEMETRY_DISABLED: "1",
      API_FORWARDING_SECRET: forwardingSecret,
    },
    stdio: ["pipe", "inherit", "inherit"],
  });
  site = child;
  siteUrl = `http://localhost:${config.SITE_PORT}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${siteUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (child.exitCode !== null) siteUrl = null;
}

console.log(`
Liaison is running${fresh ? " (demo data seeded)" : ""}.

  GraphQL API      ${apiUrl}/graphql   (GraphiQL in a browser; WebSocket: ${apiUrl.replace("http", "ws")}/graphql)
  Operations       ${apiUrl}/readyz, ${apiUrl}/metrics
  Status site      ${siteUrl ?? (site ? "(did not start: see above)" : "(not built: run pnpm build)")}
  Statuspage JSON  ${siteUrl ? `${siteUrl}/api/v2/summary.json` : "-"}
  Mail             ${catcher ? `caught locally (${catcher.url}): ${apiUrl}/dev/mail, files in ${mailDir}` : "SMTP_URL"}
  Database         ${started.embedded ? `embedded PostgreSQL (${started.databaseUrl})` : "DATABASE_URL"}

Demo tokens (Authorization: Bearer <token>):
${Object.entries(DEMO_TOKENS)
  .map(([role, token]) => `  ${role.padEnd(26)} ${token}`)
  .join("\n")}

Press Ctrl+C to stop.`);
api = started;
