import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createLogger } from "../platform/logger.js";
import { DEMO_TOKENS, seedDemo } from "./demo-seed.js";
import { loadConfigOrExit } from "./load-config.js";
import { startApi } from "./start-api.js";

// `pnpm start`: the API and the status site on an embedded PostgreSQL, with demo data.
const config = loadConfigOrExit();
// The API's own lines are JSON logs; the banner below is for the person at the terminal.
const api = await startApi(config, createLogger({ level: config.LOG_LEVEL }));
const fresh = await seedDemo(api.app);
const apiUrl = api.url;

const siteEntry = fileURLToPath(new URL("../../../status-site/dist/server/entry.mjs", import.meta.url));
let site: ChildProcess | null = null;
let siteUrl: string | null = null;
if (existsSync(siteEntry)) {
  site = spawn(process.execPath, [siteEntry], {
    env: {
      // The site is its own process with its own configuration: hand it ours plus its settings.
      // eslint-disable-next-line no-restricted-properties
      ...process.env,
      PORT: String(config.SITE_PORT),
      HOST: config.HOST,
      API_URL: apiUrl.replace("0.0.0.0", "127.0.0.1"),
      PUBLIC_API_URL: apiUrl,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  siteUrl = `http://localhost:${config.SITE_PORT}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${siteUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}

console.log(`
Liaison is running${fresh ? " (demo data seeded)" : ""}.

  GraphQL API      ${apiUrl}/graphql   (GraphiQL in a browser; WebSocket: ${apiUrl.replace("http", "ws")}/graphql)
  Operations       ${apiUrl}/readyz, ${apiUrl}/metrics
  Status site      ${siteUrl ?? "(not built: run pnpm build)"}
  Statuspage JSON  ${siteUrl ? `${siteUrl}/api/v2/summary.json` : "-"}
  Database         ${api.embedded ? `embedded PostgreSQL (${api.databaseUrl})` : "DATABASE_URL"}

Demo tokens (Authorization: Bearer <token>):
${Object.entries(DEMO_TOKENS)
  .map(([role, token]) => `  ${role.padEnd(26)} ${token}`)
  .join("\n")}

Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    site?.kill("SIGTERM");
    void api.stop().finally(() => process.exit(0));
  });
