import { ConfigError, loadConfig, type Env } from "../platform/config.js";

/** The environment, or exit with what to fix in plain words: a person has to act, a stack trace would not help. */
export function loadConfigOrExit(): Env {
  try {
    return loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
