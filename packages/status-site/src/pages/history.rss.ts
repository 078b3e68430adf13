import type { APIRoute } from "astro";
import { config } from "../lib/config";
import { rssFeed } from "../lib/feeds";
import { store } from "../lib/store";

export const GET: APIRoute = async () => {
  await store.start();
  if (!store.snapshot) return new Response("The status is not available yet", { status: 503 });
  return new Response(rssFeed(store.snapshot, config.siteUrl), {
    headers: { "content-type": "application/rss+xml; charset=utf-8" },
  });
};
