import node from "@astrojs/node";

/**
 * @astrojs/node in standalone mode, with a server entry of our own wrapped around its handler:
 * the entry keeps the hot responses in memory and starts the HTTP server itself.
 */
export default function liaisonNode() {
  // The site takes small forms only.
  const inner = node({ mode: "standalone", bodySizeLimit: 64 * 1024 });
  return {
    ...inner,
    hooks: {
      ...inner.hooks,
      "astro:config:done": (params) =>
        inner.hooks["astro:config:done"]({
          ...params,
          setAdapter: (adapter) =>
            params.setAdapter({ ...adapter, serverEntrypoint: new URL("./src/server/entry.ts", import.meta.url) }),
        }),
    },
  };
}
