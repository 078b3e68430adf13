import "reflect-metadata";
import { createLogger } from "./platform/logger.js";
import { loadConfigOrExit } from "./cli/load-config.js";
import type { RunningApi } from "./cli/start-api.js";

// `pnpm --filter ./packages/api start`: reads PORT, DATABASE_URL, ADMIN_TOKEN; applies pending migrations.
const config = loadConfigOrExit();
// Loaded once the environment is known to be good, so a bad one is reported at once.
const { exitOnStartFailure, startApi, stopOnSignals } = await import("./cli/start-api.js");
const log = createLogger({ level: config.LOG_LEVEL });
let api: RunningApi | null = null;
// Stdout carries the JSON log; the stop lines are for the person (or supervisor) watching stderr.
stopOnSignals(async () => api?.stop((line) => process.stderr.write(`  ${line}\n`)));
api = await startApi(config, log).catch(exitOnStartFailure);
log.info(`Liaison API ready at ${api.url}/graphql`);
// Still a crash, as without these handlers, but reported through the logger: no values, no stack below debug.
for (const event of ["uncaughtException", "unhandledRejection"] as const)
  process.once(event, (err: unknown) => {
    log.fatal({ err }, `${event}: the API stops`);
    process.exit(1);
  });
