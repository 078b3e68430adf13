// Status site throughput: the home page HTML and /api/v2/summary.json at 50 concurrent connections,
// beside nginx serving the very same bytes as static files, in the same run.
// Needs `pnpm build` (packages/*/dist) and nginx (Debian package `nginx`). Targets: ≥ 50% of nginx, p99 ≤ 20 ms.
import { spawn, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchDatabase, fmt, freePort, load, root, startApiProcess } from "./lib.mjs";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const NGINX_WORKERS = process.env.BENCH_NGINX_WORKERS ?? "auto";

function start(name, args, env) {
  const merged = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, args, { cwd: root, env: merged, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    name,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

async function waitFor(url, proc, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${proc.name} did not become ready:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A realistic page: 12 components in groups, a few incidents with updates, maintenance. */
async function seed({ gql }) {
  const ids = [];
  const groups = ["API", "Web", "Notifications", null];
  for (let i = 0; i < 12; i++) {
    const { createComponent } = await gql(`mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`, {
      i: { name: `Component ${i + 1}`, group: groups[i % 4], position: i, description: `Service number ${i + 1}` },
    });
    ids.push(createComponent.id);
  }
  for (let n = 0; n < 6; n++) {
    const { reportIncident } = await gql(`mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`, {
      i: {
        title: `Incident ${n + 1}: elevated error rates`,
        severity: n % 2 ? "SEV3" : "SEV2",
        componentIds: [ids[n]],
      },
    });
    const post = (input) =>
      gql(`mutation($id: ID!, $i: PostStatusUpdateInput!) { postStatusUpdate(incidentId: $id, input: $i) { id } }`, {
        id: reportIncident.id,
        i: input,
      });
    await post({
      status: "INVESTIGATING",
      message: "We are investigating elevated error rates.",
      visibility: "PUBLIC",
      componentStatuses: [{ componentId: ids[n], status: "PARTIAL_OUTAGE" }],
    });
    await post({
      status: "IDENTIFIED",
      message: "The cause has been identified and a fix is being deployed.",
      visibility: "PUBLIC",
    });
    if (n > 1)
      await post({
        status: "RESOLVED",
        message: "The fix is deployed and error rates are back to normal.",
        visibility: "PUBLIC",
      });
  }
  const from = Date.now() + 86_400_000;
  await gql(`mutation($i: CreateScheduledMaintenanceInput!) { createScheduledMaintenance(input: $i) { id } }`, {
    i: {
      title: "Database upgrade",
      description: "Read-only for a few minutes.",
      componentIds: [ids[0], ids[1]],
      scheduledFor: new Date(from).toISOString(),
      scheduledUntil: new Date(from + 7_200_000).toISOString(),
    },
  });
}

function startNginx(dir, port) {
  const conf = join(dir, "nginx.conf");
  const text = `worker_processes ${NGINX_WORKERS};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  types { text/html html; application/json json; }
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    etag on;
  }
}
`;
  return { conf, text };
}

async function measure(url) {
  await load({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
  const r = await load({ url, connections: CONNECTIONS, duration: SECONDS });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx, bytes: r.throughput.average };
}

export default async function run() {
  const nginxBin = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
  // Without nginx the site is still measured (p99), but the share of nginx cannot be: the run then fails.
  if (!nginxBin) console.log("nginx is missing (apt-get install -y nginx): the site alone, without its anchor");
  for (const f of ["packages/api/dist/main.js", "packages/status-site/dist/server/entry.mjs"])
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run pnpm build first`);

  const dir = await mkdtemp(join(tmpdir(), "liaison-bench-nginx-"));
  await chmod(dir, 0o755); // nginx workers run as another user
  const procs = [];
  let nginx = null;
  let db = null;
  let api = null;
  try {
    db = await benchDatabase();
    api = await startApiProcess(db.url);
    const apiUrl = api.url;
    await seed(api);

    const sitePort = await freePort();
    const siteUrl = `http://127.0.0.1:${sitePort}`;
    const site = start("status site", ["packages/status-site/dist/server/entry.mjs"], {
      PORT: String(sitePort),
      HOST: "127.0.0.1",
      API_URL: apiUrl,
      SITE_URL: siteUrl,
    });
    procs.push(site);
    await waitFor(`${siteUrl}/healthz`, site);
    await new Promise((r) => setTimeout(r, 500));

    // The same bytes, as static files for nginx.
    const home = Buffer.from(await (await fetch(`${siteUrl}/`)).arrayBuffer());
    const summary = Buffer.from(await (await fetch(`${siteUrl}/api/v2/summary.json`)).arrayBuffer());
    await mkdir(join(dir, "www", "api", "v2"), { recursive: true });
    await writeFile(join(dir, "www", "index.html"), home);
    await writeFile(join(dir, "www", "api", "v2", "summary.json"), summary);
    for (const d of ["www", "www/api", "www/api/v2"]) await chmod(join(dir, d), 0o755);
    let nginxUrl = null;
    if (nginxBin) {
      const nginxPort = await freePort();
      const { conf, text } = startNginx(dir, nginxPort);
      await writeFile(conf, text);
      const test = spawnSync(nginxBin, ["-t", "-c", conf, "-p", dir], { encoding: "utf8" });
      if (test.status !== 0) throw new Error(`nginx config rejected: ${test.stderr}`);
      const child = spawn(nginxBin, ["-c", conf, "-p", dir], { stdio: "ignore" });
      nginx = {
        stop: () =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve() : (child.once("exit", resolve), child.kill("SIGQUIT")),
          ),
      };
      nginxUrl = `http://127.0.0.1:${nginxPort}`;
      await waitFor(`${nginxUrl}/index.html`, { name: "nginx", output: () => "" }, 10_000);
    }

    const rows = [];
    for (const [label, sitePath, nginxPath, size] of [
      ["home page HTML", "/", "/index.html", home.length],
      ["/api/v2/summary.json", "/api/v2/summary.json", "/api/v2/summary.json", summary.length],
    ]) {
      const s = await measure(`${siteUrl}${sitePath}`);
      const n = nginxUrl ? await measure(`${nginxUrl}${nginxPath}`) : null;
      rows.push({ label, size, s, n });
    }

    console.log(
      `\nStatus site vs nginx (same bytes), ${CONNECTIONS} connections, ${SECONDS} s each, nginx workers: ${NGINX_WORKERS}, ` +
        `load average ${loadavg()[0].toFixed(1)}`,
    );
    let pass = true;
    for (const { label, size, s, n } of rows) {
      if (!n) {
        pass = false;
        console.log(
          `${label} (${fmt(size / 1024, 1)} KiB): site ${fmt(s.rps)} req/s, p99 ${s.p99} ms | nginx not measured ` +
            `(p99 target ≤ 20 ms ${s.p99 <= 20 ? "met" : "MISSED"}; share of nginx unknown)${s.errors ? `, ${s.errors} errors` : ""}`,
        );
        continue;
      }
      const share = s.rps / n.rps;
      const ok = share >= 0.5 && s.p99 <= 20 && s.errors === 0;
      pass &&= ok;
      console.log(
        `${label} (${fmt(size / 1024, 1)} KiB): site ${fmt(s.rps)} req/s, p99 ${s.p99} ms | ` +
          `nginx ${fmt(n.rps)} req/s, p99 ${n.p99} ms | site = ${fmt(share * 100)}% of nginx ` +
          `${ok ? "(target met)" : "(TARGET MISSED: ≥ 50% of nginx, p99 ≤ 20 ms)"}${s.errors ? `, ${s.errors} errors` : ""}`,
      );
    }
    return { pass, rows };
  } finally {
    await nginx?.stop();
    for (const p of procs.reverse()) await p.stop();
    await api?.stop();
    await db?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { pass } = await run();
  process.exitCode = pass ? 0 : 1;
}
