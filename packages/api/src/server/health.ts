import { MigrationExecutor, type DataSource } from "typeorm";
import type { EventBus } from "../platform/event-bus.js";
import type { Timers } from "../platform/timers/timers.js";

export interface Readiness {
  ready: boolean;
  checks: { database: string; migrations: string; timers: string; events: string };
}

const CHECK_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Whether this process should take traffic: the database answers, every migration this code
 * knows is applied, the durable timers run and the LISTEN connection for events is up.
 */
export async function readiness(deps: { db: DataSource; timers: Timers; bus: EventBus }): Promise<Readiness> {
  let database = "ok";
  let migrations = "unknown";
  try {
    await within(deps.db.query("SELECT 1"));
  } catch (error) {
    database = `unreachable: ${reason(error)}`;
  }
  if (database === "ok") {
    try {
      const pending = await within(new MigrationExecutor(deps.db).getPendingMigrations());
      migrations = pending.length === 0 ? "ok" : `${pending.length} pending: ${pending.map((m) => m.name).join(", ")}`;
    } catch (error) {
      migrations = `unknown: ${reason(error)}`;
    }
  }
  const running = deps.timers.running();
  const timers = !running.started ? "stopped" : running.workers ? "ok" : "ok (workers off)";
  const events = deps.bus.connected() ? "ok" : "reconnecting";
  return {
    ready: database === "ok" && migrations === "ok" && running.started && events === "ok",
    checks: { database, migrations, timers, events },
  };
}
