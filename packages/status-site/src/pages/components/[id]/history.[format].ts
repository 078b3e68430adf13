import type { APIRoute } from "astro";
import { config } from "../../../lib/config";
import { FEED_CONTENT_TYPE, componentFeed, isFeedFormat } from "../../../lib/feeds";
import { store } from "../../../lib/store";

// A component's feed is normally answered from memory by the server entry; this covers unknown
// components and the moments before the first snapshot.
export const GET: APIRoute = async ({ params }) => {
  const format = params.format;
  if (!isFeedFormat(format) || !params.id) return new Response("Not found", { status: 404 });
  await store.start();
  if (!store.snapshot) return new Response("The status is not available yet", { status: 503 });
  const text = componentFeed(store.snapshot, config.siteUrl, params.id, format);
  if (text === null) return new Response("No such component", { status: 404 });
  return new Response(text, {
    headers: { "content-type": FEED_CONTENT_TYPE[format], "access-control-allow-origin": "*" },
  });
};
