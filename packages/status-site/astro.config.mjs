import { defineConfig } from "astro/config";
import liaisonNode from "./adapter.mjs";

export default defineConfig({
  output: "server",
  adapter: liaisonNode(),
  telemetry: false,
  session: false,
  build: { inlineStylesheets: "always" },
  // Checked in src/middleware.ts instead: against SITE_URL too, and open for RFC 8058 one-click unsubscribes.
  security: { checkOrigin: false },
});
