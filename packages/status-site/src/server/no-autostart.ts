// Evaluated before @astrojs/node's server module: our entry starts the HTTP server itself.
process.env["ASTRO_NODE_AUTOSTART"] = "disabled";
export {};
