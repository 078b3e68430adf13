import "reflect-metadata";
import { loadConfig } from "./config.js";
import { exitOnStartFailure, startApi, stopOnSignals, type RunningApi } from "./cli/start-api.js";

// `pnpm --filter ./packages/api start`: reads PORT, DATABASE_URL, ADMIN_TOKEN; applies pending migrations.
const config = loadConfig();
let api: RunningApi | null = null;
stopOnSignals(async () => api?.stop((line) => console.log(`  ${line}`)));
api = await startApi(config).catch(exitOnStartFailure);
console.log(`Liaison API ready at ${api.url}/graphql`);
