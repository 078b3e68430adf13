import { defineConfig } from "astro/config";
import liaisonNode from "./adapter.mjs";

export default defineConfig({
  output: "server",
  adapter: liaisonNode(),
  telemetry: false,
  session: false,
  build: { inlineStylesheets: "always" },
  security: { checkOrigin: true },
});
