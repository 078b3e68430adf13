// A worker in a process of its own, for the crash test: `tsx timer-worker.child.ts <databaseUrl>`.
// Once a job has written its notifications (uncommitted), it says MID-JOB and hangs, to be killed.
import "reflect-metadata";
import type { EntityManager } from "typeorm";
import { createDataSource } from "../server/database.js";
import { EventBus, type LiaisonEvent } from "../platform/event-bus.js";
import { DEFAULT_SETTINGS, Scope, systemClock, type AppServices, type ServiceContext } from "../platform/context.js";
import { notifier } from "../modules/notifications/index.js";
import { organizationRoster } from "../modules/on-call/index.js";
import { registerTimerHandlers } from "../server/timer-handlers.js";
import { Timers } from "../platform/timers/timers.js";
import { createLogger } from "../platform/logger.js";
import { SecretBox } from "../platform/secrets.js";
import { createMailer } from "../platform/mail.js";
import { developmentSecretsKey } from "../platform/config.js";

const url = process.argv[2]!;
const db = createDataSource(url, { poolSize: 4 });
await db.initialize();
const log = createLogger({ level: "silent" });
const bus = new EventBus(url, log);
await bus.start();

class HangingBus extends EventBus {
  override async publish(tx: EntityManager, event: LiaisonEvent): Promise<void> {
    await bus.publish(tx, event);
    if (event.kind === "notification") {
      process.stdout.write("MID-JOB\n");
      await new Promise(() => {});
    }
  }
}

const timers = new Timers(url, systemClock, { workers: true, pollingIntervalSeconds: 0.5, log });
const services: AppServices = {
  db,
  clock: systemClock,
  bus: new HangingBus(url, log),
  roster: organizationRoster,
  timers,
  settings: DEFAULT_SETTINGS,
  random: Math.random,
  log,
  secrets: new SecretBox(developmentSecretsKey()),
  mailer: createMailer({ smtpUrl: null, from: "test@localhost" }),
  notifier,
  caches: new Scope(),
  invalidate: () => {},
  forgetCredentials: () => {},
};
const system = (): ServiceContext => ({ ...services, viewer: null, request: { scope: new Scope(), cache: false } });
registerTimerHandlers(timers, system);
await timers.start();
process.stdout.write("READY\n");
