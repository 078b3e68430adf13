// Responses prepared once per change and served as bytes: no rendering, no API call per visitor.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { FEED_CONTENT_TYPE, FEED_FORMATS, componentFeed, historyFeed, isFeedFormat } from "./feeds.js";
import { StatuspageDocument } from "./statuspage.js";
import type { Snapshot } from "./types.js";

export interface Variant {
  body: Buffer;
  headers: Record<string, string | number>;
  etag: string;
}

export interface HotResponse {
  identity: Variant;
  gzip: Variant;
  br: Variant;
}

/**
 * How long anyone may keep a page, JSON or feed of the site. The site itself follows the API's change feed
 * (a change is on every page within about a second); then a browser may keep its copy 5 s, a CDN 10 s, and a
 * CDN may serve it up to 20 s more while it revalidates (with If-None-Match: a 304 is cheap), or for a day
 * while the site cannot be reached. So a visitor through a CDN sees a change at most ~31 s after it was made
 * (10 + 20 + the site's second), directly from the site within a second; the open page's live updates come
 * over the WebSocket and do not wait for any of this.
 */
export const CACHE_CONTROL = "public, max-age=5, s-maxage=10, stale-while-revalidate=20, stale-if-error=86400";

/** A strong validator of these bytes. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
}

export function hotResponse(text: string, contentType: string, extra: Record<string, string> = {}): HotResponse {
  const body = Buffer.from(text, "utf8");
  const tag = etagOf(body).slice(1, -1);
  const variant = (bytes: Buffer, encoding: string | null): Variant => {
    const etag = `"${tag}${encoding ? `-${encoding}` : ""}"`;
    return {
      body: bytes,
      etag,
      headers: {
        "content-type": contentType,
        "content-length": bytes.length,
        "cache-control": CACHE_CONTROL,
        etag,
        vary: "accept-encoding",
        "x-content-type-options": "nosniff",
        ...(encoding ? { "content-encoding": encoding } : {}),
        ...extra,
      },
    };
  };
  return {
    identity: variant(body, null),
    gzip: variant(gzipSync(body, { level: 6 }), "gzip"),
    br: variant(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), "br"),
  };
}

const JSON_TYPE = "application/json; charset=utf-8";
const CORS = { "access-control-allow-origin": "*" };

/** The Statuspage JSON endpoints and the feeds, from one snapshot. */
export function buildDataResponses(snapshot: Snapshot, siteUrl: string): Map<string, HotResponse> {
  const out = new Map<string, HotResponse>();
  const doc = new StatuspageDocument(snapshot, siteUrl);
  for (const [path, value] of Object.entries(doc.endpoints()))
    out.set(path, hotResponse(JSON.stringify(value), JSON_TYPE, CORS));
  for (const format of FEED_FORMATS)
    out.set(`/history.${format}`, hotResponse(historyFeed(snapshot, siteUrl, format), FEED_CONTENT_TYPE[format], CORS));
  return out;
}

const COMPONENT_FEED = /^\/components\/([^/]+)\/history\.([a-z]+)$/;

/**
 * Each component's feeds, made on the first request after a change rather than all of them up front:
 * a page of many components does not pay for feeds nobody reads.
 */
export class ComponentFeeds {
  private made = new Map<string, HotResponse>();

  constructor(
    private readonly snapshot: Snapshot,
    private readonly siteUrl: string,
  ) {}

  get(path: string): HotResponse | null {
    const match = COMPONENT_FEED.exec(path);
    if (!match) return null;
    const format = match[2];
    if (!isFeedFormat(format)) return null;
    let id: string;
    try {
      id = decodeURIComponent(match[1] ?? "");
    } catch {
      return null;
    }
    const key = `${id}\n${format}`;
    let made = this.made.get(key);
    if (!made) {
      const text = componentFeed(this.snapshot, this.siteUrl, id, format);
      // Unknown components are not remembered: an id is anyone's to make up.
      if (text === null) return null;
      made = hotResponse(text, FEED_CONTENT_TYPE[format], CORS);
      this.made.set(key, made);
    }
    return made;
  }
}

/** The best variant the client accepts. */
export function pickVariant(hot: HotResponse, acceptEncoding: string | undefined): Variant {
  if (!acceptEncoding) return hot.identity;
  if (/\bbr\b/.test(acceptEncoding)) return hot.br;
  if (/\bgzip\b/.test(acceptEncoding)) return hot.gzip;
  return hot.identity;
}

/** True when If-None-Match names this variant (or any). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}
