import type { APIRoute } from "astro";
import { store } from "../lib/store";

// The server entry answers /healthz and /readyz itself; this is the same answer under `astro dev`.
export const GET: APIRoute = () => {
  const f = store.freshness();
  return new Response(JSON.stringify({ status: f.fetchedAt ? "ok" : "starting", live: f.live }), {
    status: f.fetchedAt ? 200 : 503,
    headers: { "content-type": "application/json" },
  });
};
