import "reflect-metadata";
import { createLogger } from "./platform/logger.js";
import { loadConfigOrExit } from "./cli/load-config.js";

// `pnpm --filter ./packages/api start`: reads PORT, DATABASE_URL, ADMIN_TOKEN; applies pending migrations.
const config = loadConfigOrExit();
// Loaded once the environment is known to be good, so a bad one is reported at once.
const { startApi } = await import("./cli/start-api.js");
const log = createLogger({ level: config.LOG_LEVEL });
const api = await startApi(config, log).catch((err: unknown) => {
  log.fatal({ err }, "the API could not start");
  log.flush();
  process.exit(1);
});
log.info(`Liaison API ready at ${api.url}/graphql`);
// Still a crash, as without these handlers, but reported through the logger: no values, no stack below debug.
for (const event of ["uncaughtException", "unhandledRejection"] as const)
  process.once(event, (err: unknown) => {
    log.fatal({ err }, `${event}: the API stops`);
    process.exit(1);
  });
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void api.stop().finally(() => process.exit(0));
  });
