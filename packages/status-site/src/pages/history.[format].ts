import type { APIRoute } from "astro";
import { config } from "../lib/config";
import { FEED_CONTENT_TYPE, historyFeed, isFeedFormat } from "../lib/feeds";
import { store } from "../lib/store";

// Normally answered from memory by the server entry; this covers the moments before the first snapshot.
export const GET: APIRoute = async ({ params }) => {
  const format = params.format;
  if (!isFeedFormat(format)) return new Response("Not found", { status: 404 });
  await store.start();
  if (!store.snapshot) return new Response("The status is not available yet", { status: 503 });
  return new Response(historyFeed(store.snapshot, config.siteUrl, format), {
    headers: { "content-type": FEED_CONTENT_TYPE[format], "access-control-allow-origin": "*" },
  });
};
