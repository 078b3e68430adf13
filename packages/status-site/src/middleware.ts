// Two duties for every request Astro renders (the hot paths have their own):
// - Forms are anonymous, so a cross-site page could submit them in a visitor's name (with their address
//   for the API's limits): a POST must come from this site. Token links are the exception below.
// - Pages (incident, report, maintenance, history) get what a CDN needs: Cache-Control, a validator
//   answered with 304, and Vary. Errors (404, 503) and the subscription pages are not to be kept.
// The type from "astro" itself (not the generated `astro:middleware` module), so a clean clone lints it.
import type { MiddlewareHandler } from "astro";
import { config } from "./lib/config";
import { CACHE_CONTROL, etagOf, notModified } from "./lib/hot.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SITE_ORIGIN = new URL(config.siteUrl).origin;

/**
 * RFC 8058 one-click unsubscribes are POSTed by mail providers' servers, with no Origin of ours; the
 * token in the address is the authority there, whoever sends it.
 */
const ANY_ORIGIN = new Set(["/subscriptions/unsubscribe"]);

/** Pages that answer one visitor (a form's outcome, a token's page): never kept by a shared cache. */
const personal = (pathname: string) => pathname === "/subscribe" || pathname.startsWith("/subscriptions/");

/** The browser says the form was on this site: its Origin is SITE_URL's, or names the host it posts to. */
export function fromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  if (origin === SITE_ORIGIN) return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

function withHeader(response: Response, name: string, value: string): Response {
  const headers = new Headers(response.headers);
  headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export const onRequest: MiddlewareHandler = async (context, next) => {
  const { request, url } = context;
  if (!SAFE_METHODS.has(request.method) && !ANY_ORIGIN.has(url.pathname) && !fromThisSite(request))
    return new Response("Forms of this site can be sent from this site only. Please use the form on the page.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const response = await next();
  const method = request.method;
  if (response.headers.has("cache-control")) return response;
  if ((method !== "GET" && method !== "HEAD") || response.status !== 200 || personal(url.pathname))
    return withHeader(response, "cache-control", "no-store");
  const body = await response.text();
  const etag = etagOf(body);
  const headers = new Headers(response.headers);
  headers.set("cache-control", CACHE_CONTROL);
  headers.set("etag", etag);
  headers.set("vary", "accept-encoding");
  if (notModified(request.headers.get("if-none-match") ?? undefined, etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
};
