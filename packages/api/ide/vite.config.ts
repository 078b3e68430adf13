import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// GraphiQL for GET /graphql, built into dist/ide/ and served under /graphiql/ by src/server/graphiql.ts.
export default defineConfig({
  root: here("."),
  base: "/graphiql/",
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: here("../dist/ide"),
    emptyOutDir: true,
    assetsDir: "",
    sourcemap: false,
    chunkSizeWarningLimit: 5_000,
    rollupOptions: {
      input: here("main.ts"),
      // React libraries mark their modules "use client"; a plain browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
      output: {
        entryFileNames: "graphiql.js",
        chunkFileNames: "graphiql-[name]-[hash].js",
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith(".css")) ? "graphiql.css" : "graphiql-[name]-[hash][extname]",
      },
    },
  },
});
