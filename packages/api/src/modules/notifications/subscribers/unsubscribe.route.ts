import type { Route } from "../../../platform/http/http.js";
import { readBody, sendJson } from "../../../platform/http/http.js";
import { AppError } from "../../../platform/errors.js";
import { unsubscribe } from "./subscribers.js";

const PATH = "/subscriptions/unsubscribe";

/**
 * RFC 8058 one-click unsubscribe: `POST /subscriptions/unsubscribe?token=…` (mail providers send the body
 * `List-Unsubscribe=One-Click`) answers 200 whether or not the subscription still existed. GET changes
 * nothing (link scanners follow links): people follow the link to the status site's page instead.
 */
export const unsubscribeRoute: Route = async (req, res, app) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname !== PATH) return false;
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    sendJson(res, 405, { error: "POST here to unsubscribe (RFC 8058); people use the status site's page" });
    return true;
  }
  await readBody(req, 10_000).catch(() => "");
  const token = url.searchParams.get("token") ?? "";
  try {
    const removed = await unsubscribe(app.context(null), token);
    sendJson(res, 200, { unsubscribed: true, removed }, { "cache-control": "no-store" });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "BAD_USER_INPUT") throw error;
    sendJson(res, 400, { error: "The unsubscribe link is not valid" });
  }
  return true;
};
