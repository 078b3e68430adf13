import "reflect-metadata";
import { loadConfig } from "./platform/config.js";
import { startApi } from "./cli/start-api.js";

// `pnpm --filter ./packages/api start`: reads PORT, DATABASE_URL, ADMIN_TOKEN; applies pending migrations.
const config = loadConfig();
const api = await startApi(config);
console.log(`Liaison API ready at ${api.url}/graphql`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void api.stop().finally(() => process.exit(0));
  });
