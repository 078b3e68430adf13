import type { Queue } from "pg-boss";

/** pg-boss keeps its tables in this schema, created by a migration, never at run time. */
export const BOSS_SCHEMA = "pgboss";

/**
 * Every durable timer runs on one of these queues. `short`: at most one queued job per
 * singletonKey, so scheduling the same deadline twice queues it once.
 */
export const QUEUES = {
  /** SLA warnings and breaches of tickets. */
  sla: "sla-timer",
  /** Cadence reminders and overdue pages of incidents. */
  cadence: "cadence-timer",
  /** The next level of an escalation, when nobody acknowledged. */
  escalation: "escalation-step",
  /** Signed deliveries to webhook endpoints, retried with backoff. */
  webhook: "webhook-delivery",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const QUEUE_OPTIONS: Record<QueueName, Omit<Queue, "name">> = {
  "sla-timer": { policy: "short", retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  "cadence-timer": { policy: "short", retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  "escalation-step": { policy: "short", retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  "webhook-delivery": {
    policy: "standard",
    retryLimit: 8,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 60,
  },
};
