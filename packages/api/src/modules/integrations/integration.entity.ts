import { CreatedAtColumn, IdColumn, TextColumn, TimestampColumn } from "../../platform/db/columns.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import type { Severity, TicketPriority } from "@liaison/domain";

export const EVENT_SEVERITIES = ["critical", "error", "warning", "info"] as const;
export type EventSeverity = (typeof EVENT_SEVERITIES)[number];

/** Something monitored: its integrations send events, its escalation policy answers them. */
@ObjectType()
@Entity("service")
export class Service {
  @IdColumn()
  id: string;

  @TextColumn()
  name: string;

  @Column("uuid", { name: "escalation_policy_id", nullable: true })
  escalationPolicyId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** A source of events for a service; its routing key is what senders put in `routing_key`. */
@ObjectType()
@Entity("integration")
export class Integration {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "service_id" })
  serviceId: string;

  @TextColumn()
  name: string;

  @Field(() => String, { description: "32 hexadecimal characters: the Events API routing_key" })
  @Column("text", { name: "routing_key" })
  routingKey: string;

  @Column("uuid", { name: "account_id", nullable: true })
  accountId: string | null;

  @Field(() => Boolean)
  @Column("boolean", { name: "open_ticket", default: false })
  openTicket: boolean;

  @Column("jsonb", { name: "ticket_priorities" })
  ticketPriorities: Partial<Record<EventSeverity, TicketPriority>>;

  @Column("jsonb", { name: "incident_severities" })
  incidentSeverities: Partial<Record<EventSeverity, Severity>>;

  @Column("uuid", { name: "component_ids", array: true, default: () => "'{}'" })
  componentIds: string[];

  @CreatedAtColumn()
  createdAt: Date;
}

@ObjectType()
@Entity("alert")
export class Alert {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "integration_id" })
  integrationId: string;

  @Field(() => String)
  @Column("text", { name: "dedup_key" })
  dedupKey: string;

  @Field(() => String, { description: "TRIGGERED, ACKNOWLEDGED or RESOLVED" })
  @Column("text")
  status: "TRIGGERED" | "ACKNOWLEDGED" | "RESOLVED";

  @TextColumn()
  summary: string;

  @TextColumn()
  source: string;

  @TextColumn()
  severity: EventSeverity;

  @TextColumn({ nullable: true })
  component: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "group_name", nullable: true })
  group: string | null;

  @TextColumn({ nullable: true })
  class: string | null;

  @Column("jsonb", { name: "custom_details", nullable: true })
  customDetails: unknown;

  @TimestampColumn("event_timestamp", { nullable: true })
  eventTimestamp: Date | null;

  @Field(() => Int, { description: "Events folded into this alert by its dedup key" })
  @Column("int", { name: "event_count", default: 1 })
  eventCount: number;

  @Column("uuid", { name: "ticket_id", nullable: true })
  ticketId: string | null;

  @Column("uuid", { name: "incident_id", nullable: true })
  incidentId: string | null;

  @TimestampColumn("created_at")
  createdAt: Date;

  @TimestampColumn("updated_at")
  updatedAt: Date;

  @TimestampColumn("acknowledged_at", { nullable: true })
  acknowledgedAt: Date | null;

  @TimestampColumn("resolved_at", { nullable: true })
  resolvedAt: Date | null;
}
