import type { DataSource } from "typeorm";
import type { Viewer } from "./access/viewer.js";
import type { Incident } from "../modules/incidents/incident.entity.js";
import type { EventBus } from "./event-bus.js";
import type { LiaisonRoster } from "../modules/on-call/liaison-roster.js";
import type { Loaders } from "../modules/incidents/loaders.js";
import type { StatusPageData } from "../modules/status-page/status-page.js";
import type { Timers } from "./timers/timers.js";

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface AppSettings {
  /** Events API: events a minute per routing key, per process. */
  eventsRateLimitPerMinute: number;
  /** Private or loopback hosts that webhooks may target anyway (tests use 127.0.0.1). */
  webhookAllowedHosts: readonly string[];
}
export const DEFAULT_SETTINGS: AppSettings = { eventsRateLimitPerMinute: 120, webhookAllowedHosts: [] };

/** Long-lived collaborators, shared by every request of one API process. */
export interface AppServices {
  db: DataSource;
  clock: Clock;
  bus: EventBus;
  roster: LiaisonRoster;
  /** Durable deadlines (pg-boss): queued in the caller's transaction. */
  timers: Timers;
  settings: AppSettings;
  /** The public status page, served from a cache that every change drops. */
  statusPage(): Promise<StatusPageData>;
  /** The incident as it is after `event`, loaded once however many subscribers want it. */
  incidentSnapshot(event: object & { incidentId: string }): Promise<Incident | undefined>;
  /** Called after a local commit that changed public state: drops read caches at once. */
  invalidate(): void;
}

/** What a use case sees: the process's services plus who is asking. */
export interface ServiceContext extends AppServices {
  viewer: Viewer | null;
  loaders: Loaders;
}
