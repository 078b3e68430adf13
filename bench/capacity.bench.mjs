// The cost of one request, for docs/capacity.md: CPU time per request (not requests per second, which
// depend on how many cores the shared machine lends us) for an anonymous statusPage (answered from the
// public response cache), a signed-in statusPage (executed each time), and the status site's home page.
// API CPU comes from its /metrics (process_cpu_seconds_total), the site's from /proc/<pid>/stat.
// 50 connections, BENCH_SECONDS (10) each. No target: these are inputs to the capacity model.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { benchDatabase, fmt, freePort, load, root, startApiProcess } from "./lib.mjs";

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function apiCpu(api) {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  return Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? NaN);
}

/** utime + stime of a process, in seconds (clock ticks of 1/100 s). */
function procCpu(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measure(name, cpu, options) {
  const before = await cpu();
  const result = await load(options);
  const seconds = (await cpu()) - before;
  const requests = result.requests.total;
  console.log(
    `  ${name.padEnd(40)} ${fmt(result.requests.average).padStart(7)} req/s   p99 ${String(result.latency.p99).padStart(4)} ms   ` +
      `CPU ${fmt((seconds * 1000) / requests, 3)} ms per request   errors ${result.errors + result.non2xx}   load ${loadNow()}`,
  );
}

const db = await benchDatabase();
const api = await startApiProcess(db.url, { RATE_LIMIT_PER_SECOND: "0" });
let site = null;
try {
  const componentIds = [];
  for (let i = 0; i < 12; i++) {
    const { createComponent } = await api.gql(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      { i: { name: `Component ${i}`, group: `Group ${i % 3}`, position: i } },
    );
    componentIds.push(createComponent.id);
  }
  for (let i = 0; i < 5; i++) {
    const { reportIncident } = await api.gql(
      `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
      { i: { title: `Incident ${i}`, severity: "SEV3", componentIds: [componentIds[i]] } },
    );
    for (let u = 0; u < 3; u++)
      await api.gql(
        `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: INVESTIGATING, message: "Still looking", visibility: PUBLIC }) { id } }`,
        { id: reportIncident.id },
      );
  }
  const body = JSON.stringify({
    query: `{ statusPage { indicator description updatedAt components { id name status group }
      activeIncidents { id title status impact updates { message createdAt } } } }`,
  });
  const url = `${api.url}/graphql`;
  console.log("Cost per request, 50 connections");
  await measure("API statusPage, anonymous (cached)", () => apiCpu(api), {
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  await measure("API statusPage, signed in (executed)", () => apiCpu(api), {
    url,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${api.adminToken}` },
    body,
  });

  const port = await freePort();
  const child = spawn(process.execPath, [join(root, "packages/status-site/dist/server/entry.mjs")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      API_URL: api.url,
      SITE_URL: `http://127.0.0.1:${port}`,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  site = child;
  const siteUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${siteUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await measure("status site home page (gzip)", () => procCpu(child.pid), {
    url: `${siteUrl}/`,
    headers: { "accept-encoding": "gzip" },
  });
} finally {
  if (site) {
    const exited = new Promise((r) => site.once("exit", r));
    site.kill("SIGTERM");
    await exited;
  }
  await api.stop();
  await db.stop();
}
