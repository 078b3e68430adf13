import type { EntityManager } from "typeorm";

export const NOTIFICATION_KINDS = [
  "SLA_WARNING",
  "SLA_BREACHED",
  "CADENCE_REMINDER",
  "CADENCE_OVERDUE",
  "PAGE",
  "INCIDENT_UPDATE",
  "TICKET_ASSIGNED",
  "ROLE_ASSIGNED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The person a message is worded for. */
export interface Reader {
  /** Their own time zone, else the organization's. */
  timezone: string;
}

/** Text, or text worded for each reader (a time is written in the reader's time zone). */
export type Wording = string | ((reader: Reader) => string);

/** What to tell whom; the notifications module stores it, delivers it and honours preferences. */
export interface NotificationSpec {
  userIds: readonly string[];
  kind: NotificationKind;
  title: Wording;
  body: Wording;
  /** Per person: the same key never notifies the same person twice. */
  dedupKey: string;
  ticketId?: string | null;
  incidentId?: string | null;
  escalationId?: string | null;
  dueAt?: Date | null;
}

/**
 * The port every feature notifies people through, in the caller's transaction. Features
 * depend on this interface, not on the notifications module, which sits above them.
 */
export interface Notifier {
  notify(ctx: NotifierContext, tx: EntityManager, spec: NotificationSpec): Promise<void>;
  /** Minutes before a deadline at which each person wants to be warned. */
  leadMinutes(tx: EntityManager, userId: string): Promise<readonly number[]>;
}

/** The part of a use case's context a notifier needs (kept narrow to avoid a type cycle). */
export type NotifierContext = import("./context.js").ServiceContext;
