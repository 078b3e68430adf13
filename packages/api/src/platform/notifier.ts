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
 * Something status page subscribers hear of. `eventId` identifies the event: a subscriber gets at most
 * one message per event id, however often it is announced (retries, several processes).
 */
export type PublicEvent =
  /** The first PUBLIC update made the incident public (one event: no separate INCIDENT_UPDATE for it). */
  | { kind: "INCIDENT_PUBLISHED"; eventId: string; incidentId: string; updateId: string }
  /** A later PUBLIC update (including the resolving one). */
  | { kind: "INCIDENT_UPDATE"; eventId: string; incidentId: string; updateId: string }
  | {
      /** CANCELLED: a window subscribers were told of will not take place (only a SCHEDULED one can be cancelled). */
      kind:
        | "MAINTENANCE_CREATED"
        | "MAINTENANCE_REMINDER"
        | "MAINTENANCE_STARTED"
        | "MAINTENANCE_COMPLETED"
        | "MAINTENANCE_CANCELLED";
      eventId: string;
      maintenanceId: string;
    }
  | {
      kind: "COMPONENT_STATUS";
      eventId: string;
      componentId: string;
      previousStatus: string;
      status: string;
      /** The PUBLIC incident update that carried the change, if one did: its mail tells of it already. */
      updateId?: string;
    };

/**
 * The port every feature notifies people through, in the caller's transaction. Features
 * depend on this interface, not on the notifications module, which sits above them.
 */
export interface Notifier {
  notify(ctx: NotifierContext, tx: EntityManager, spec: NotificationSpec): Promise<void>;
  /** Minutes before a deadline at which each person wants to be warned. */
  leadMinutes(tx: EntityManager, userId: string): Promise<readonly number[]>;
  /** Tell the status page's subscribers, in the caller's transaction (delivered after commit, durably). */
  announce(ctx: NotifierContext, tx: EntityManager, event: PublicEvent): Promise<void>;
}

/** The part of a use case's context a notifier needs (kept narrow to avoid a type cycle). */
type NotifierContext = import("./context.js").ServiceContext;
