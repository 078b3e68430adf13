// The site's server: @astrojs/node's handler renders pages and serves assets; the hot paths (home page,
// Statuspage JSON, feeds) are answered from bytes prepared once per change.
import "./no-autostart.js";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { handler } from "@astrojs/node/server.js";
import { createApp } from "astro/app/entrypoint";
import { config } from "../lib/config.js";
import {
  ComponentFeeds,
  buildDataResponses,
  hotResponse,
  notModified,
  pickVariant,
  type HotResponse,
} from "../lib/hot.js";
import { store } from "../lib/store.js";

const app = createApp({ streaming: false });
let hot = new Map<string, HotResponse>();
let componentFeeds: ComponentFeeds | null = null;
let generation = 0;

function prepared(path: string): HotResponse | null {
  return hot.get(path) ?? componentFeeds?.get(path) ?? null;
}

/** The home page, rendered through Astro like any page, once per change. */
async function renderHome(): Promise<HotResponse | null> {
  const request = new Request(`${config.siteUrl}/`, { headers: { "x-liaison-prerender": "1" } });
  const routeData = app.match(request);
  if (!routeData) return null;
  const response = await app.render(request, { routeData });
  if (response.status !== 200) return null;
  return hotResponse(await response.text(), response.headers.get("content-type") ?? "text/html; charset=utf-8");
}

async function rebuild(): Promise<void> {
  const mine = ++generation;
  const snapshot = store.snapshot;
  if (!snapshot) return;
  const next = buildDataResponses(snapshot, config.siteUrl);
  const home = await renderHome().catch((error: unknown) => {
    console.error("could not render the home page", error);
    return null;
  });
  if (home) next.set("/", home);
  if (mine === generation) {
    hot = next;
    componentFeeds = new ComponentFeeds(snapshot, config.siteUrl);
  }
}

// Every snapshot (or change of reachability) is rendered once; requests that wait for a change await it.
let lastRebuild: Promise<void> = Promise.resolve();
store.onChange(() => {
  lastRebuild = rebuild();
});

function send(req: IncomingMessage, res: ServerResponse, response: HotResponse): void {
  const variant = pickVariant(response, req.headers["accept-encoding"]);
  if (notModified(req.headers["if-none-match"], variant.etag)) {
    res.writeHead(304, {
      etag: variant.etag,
      "cache-control": String(variant.headers["cache-control"]),
      vary: "accept-encoding",
    });
    res.end();
    return;
  }
  res.writeHead(200, variant.headers);
  res.end(req.method === "HEAD" ? undefined : variant.body);
}

function health(res: ServerResponse): void {
  const f = store.freshness();
  // Ready once the status is known; from then on the last known state is always served.
  const ready = f.fetchedAt !== null;
  res.writeHead(ready ? 200 : 503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(
    JSON.stringify({
      status: ready ? "ok" : "starting",
      live: f.live,
      lastUpdated: f.fetchedAt?.toISOString() ?? null,
      problem: f.problem,
    }),
  );
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  // /readyz is for load balancers; /healthz keeps the contract's meaning (ready), so both answer alike.
  if (path === "/healthz" || path === "/readyz") return health(res);
  if ((req.method === "GET" || req.method === "HEAD") && q === -1) {
    const after = req.headers["x-liaison-after"];
    if (typeof after === "string" && prepared(path)) {
      // A browser heard of a change: answer once the site has caught up with it.
      const at = new Date(after);
      if (!Number.isNaN(at.getTime()) && at.getTime() <= Date.now() + 60_000) {
        await store.snapshotAfter(at);
        await lastRebuild;
      }
    }
    const ready = prepared(path);
    if (ready) return send(req, res, ready);
  }
  void handler(req, res);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal server error");
  });
});
server.keepAliveTimeout = 65_000;

server.listen(config.port, config.host, () => {
  console.log(`Liaison status site on ${config.siteUrl} (API ${config.apiUrl})`);
});
void store.start();

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void store.stop().finally(() => process.exit(0));
  });
