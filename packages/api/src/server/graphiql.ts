import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { introspectionFromSchema, type GraphQLSchema } from "graphql";

/** Built by `pnpm build` (vite, from ide/): GraphiQL and React from our own dependencies, no CDN. */
const ASSETS_DIR = fileURLToPath(new URL("../../dist/ide/", import.meta.url));
const IDE_PREFIX = "/graphiql/";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".png": "image/png",
};

// The page loads nothing from elsewhere, and the browser is told so.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Liaison API · GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${IDE_PREFIX}graphiql.css" />
    <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script type="module" src="${IDE_PREFIX}graphiql.js"></script>
  </body>
</html>
`;

interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
}

/** A browser asking for a page (Accept: text/html) rather than a GraphQL response. */
export function wantsHtml(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const accept = (req.headers.accept ?? "").toLowerCase();
  const html = accept.indexOf("text/html");
  if (html === -1) return false;
  const json = accept.search(/application\/(graphql-response\+)?json/);
  return json === -1 || html < json;
}

/** The GraphiQL IDE: its page at GET /graphql, its files and the schema under /graphiql/. */
export function graphiql(schema: GraphQLSchema) {
  let assets: Promise<Map<string, Asset>> | null = null;
  const load = async () => {
    const files = new Map<string, Asset>();
    for (const name of await readdir(ASSETS_DIR)) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const body = await readFile(`${ASSETS_DIR}${name}`);
      files.set(name, { type, body, gzip: gzipSync(body) });
    }
    const json = Buffer.from(JSON.stringify(introspectionFromSchema(schema)));
    files.set("schema.json", { type: TYPES[".json"]!, body: json, gzip: gzipSync(json) });
    return files;
  };

  const send = (req: IncomingMessage, res: ServerResponse, asset: Asset) => {
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? asset.gzip : asset.body;
    res.writeHead(200, {
      "content-type": asset.type,
      "content-length": body.length,
      "cache-control": "no-cache",
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };

  return {
    page(req: IncomingMessage, res: ServerResponse): void {
      if (!existsSync(`${ASSETS_DIR}graphiql.js`)) {
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
        res.end("GraphiQL is not built: run `pnpm build`.\n");
        return;
      }
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-cache",
        "content-security-policy": CSP,
        "x-content-type-options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : PAGE);
    },

    /** Serves /graphiql/<file>; false when the path is not one of its files. */
    async asset(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
      if (!pathname.startsWith(IDE_PREFIX) || (req.method !== "GET" && req.method !== "HEAD")) return false;
      if (!existsSync(ASSETS_DIR)) return false;
      assets ??= load().catch((error: unknown) => {
        assets = null;
        throw error;
      });
      const asset = (await assets).get(pathname.slice(IDE_PREFIX.length));
      if (!asset) return false;
      send(req, res, asset);
      return true;
    },
  };
}
