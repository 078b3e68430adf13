// Every page Astro renders (incident, report, maintenance, history; the hot paths have their own) gets what
// a CDN needs: Cache-Control, a validator answered with 304, and Vary. Errors (404, 503) are not to be kept.
import { defineMiddleware } from "astro:middleware";
import { CACHE_CONTROL, etagOf, notModified } from "./lib/hot.js";

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const method = context.request.method;
  if ((method !== "GET" && method !== "HEAD") || response.headers.has("cache-control")) return response;
  if (response.status !== 200) {
    const headers = new Headers(response.headers);
    headers.set("cache-control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const body = await response.text();
  const etag = etagOf(body);
  const headers = new Headers(response.headers);
  headers.set("cache-control", CACHE_CONTROL);
  headers.set("etag", etag);
  headers.set("vary", "accept-encoding");
  if (notModified(context.request.headers.get("if-none-match") ?? undefined, etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
});
