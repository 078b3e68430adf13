// The site's configuration, read once from the environment.
function url(value: string | undefined, fallback: string, name: string): string {
  const raw = (value ?? "").trim() || fallback;
  try {
    return new URL(raw).toString().replace(/\/$/, "");
  } catch {
    throw new Error(`${name} must be a URL, got "${raw}"`);
  }
}

const env = process.env;
const port = Number(env["PORT"] ?? 4321);
const host = env["HOST"] ?? "0.0.0.0";
const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;

export const config = {
  port,
  host,
  /** Where the site reaches the API (server to server). */
  apiUrl: url(env["API_URL"], "http://localhost:4000", "API_URL"),
  /** Where browsers reach the API's WebSocket; defaults to API_URL. */
  publicApiUrl: url(env["PUBLIC_API_URL"] || env["API_URL"], "http://localhost:4000", "PUBLIC_API_URL"),
  /** The site's own public address, for links in feeds and the JSON API. */
  siteUrl: url(env["SITE_URL"], `http://${shownHost}:${port}`, "SITE_URL"),
  /**
   * Shared with the API: lets the site pass a visitor's address along (X-Forwarded-For) when it asks for
   * them (subscribing), so the API's per-client limits count the visitor. Unset: nothing is forwarded.
   */
  apiForwardingSecret: (env["API_FORWARDING_SECRET"] ?? "").trim() || null,
  /** How often to re-check the API even without change announcements (uptime days roll over). */
  pollMs: Number(env["STATUS_POLL_MS"] ?? 5 * 60_000),
};

export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, "ws")}/graphql`;
}
