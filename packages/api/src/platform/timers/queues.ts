/** pg-boss keeps its tables in this schema, created by a migration, never at run time. */
export const BOSS_SCHEMA = "pgboss";

/** Every durable timer runs on one of these queues (created, with their options, by a migration). */
export const QUEUES = {
  /** SLA warnings and breaches of tickets. */
  sla: "sla-timer",
  /** Cadence reminders and overdue pages of incidents. */
  cadence: "cadence-timer",
  /** The next level of an escalation, when nobody acknowledged. */
  escalation: "escalation-step",
  /** Signed deliveries to webhook endpoints; each retry is a new job after a growing delay. */
  webhook: "webhook-delivery",
  /** Scheduled maintenance: the reminder before it, its automatic start and completion. */
  maintenance: "maintenance-timer",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
