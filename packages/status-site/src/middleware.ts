// Forms are anonymous, so a cross-site page could submit them in a visitor's name (with their address
// for the API's limits): a POST must come from this site. Token links are the exception below.
import { defineMiddleware } from "astro:middleware";
import { config } from "./lib/config";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SITE_ORIGIN = new URL(config.siteUrl).origin;

/**
 * RFC 8058 one-click unsubscribes are POSTed by mail providers' servers, with no Origin of ours; the
 * token in the address is the authority there, whoever sends it.
 */
const ANY_ORIGIN = new Set(["/subscriptions/unsubscribe"]);

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

export const onRequest = defineMiddleware((context, next) => {
  const { request, url } = context;
  if (SAFE_METHODS.has(request.method) || ANY_ORIGIN.has(url.pathname) || fromThisSite(request)) return next();
  return Promise.resolve(
    new Response("Forms of this site can be sent from this site only. Please use the form on the page.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    }),
  );
});
