import type { APIRoute } from "astro";
import { config } from "../../../lib/config";
import { StatuspageDocument } from "../../../lib/statuspage";
import { store } from "../../../lib/store";

// Normally answered from memory by the server entry; this covers the moments before the first snapshot.
export const GET: APIRoute = async ({ params }) => {
  await store.start();
  const headers = { "content-type": "application/json; charset=utf-8", "access-control-allow-origin": "*" };
  if (!store.snapshot)
    return new Response(JSON.stringify({ error: "The status is not available yet" }), { status: 503, headers });
  const body = new StatuspageDocument(store.snapshot, config.siteUrl).endpoints()[`/api/v2/${params.path ?? ""}`];
  if (body === undefined) return new Response(JSON.stringify({ error: "Not found" }), { status: 404, headers });
  return new Response(JSON.stringify(body), { headers });
};
