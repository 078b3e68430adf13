import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { Severity, TicketPriority } from "@liaison/domain";

export const EVENT_SEVERITIES = ["critical", "error", "warning", "info"] as const;
export type EventSeverity = (typeof EVENT_SEVERITIES)[number];

/** Something monitored: its integrations send events, its escalation policy answers them. */
@ObjectType()
@Entity("service")
export class Service {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Column("uuid", { name: "escalation_policy_id", nullable: true })
  escalationPolicyId: string | null;

  @Field(() => Date)
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

/** A source of events for a service; its routing key is what senders put in `routing_key`. */
@ObjectType()
@Entity("integration")
export class Integration {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "service_id" })
  serviceId: string;

  @Field(() => String)
  @Column("text")
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

  @Field(() => Date)
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

@ObjectType()
@Entity("alert")
export class Alert {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "integration_id" })
  integrationId: string;

  @Field(() => String)
  @Column("text", { name: "dedup_key" })
  dedupKey: string;

  @Field(() => String, { description: "TRIGGERED, ACKNOWLEDGED or RESOLVED" })
  @Column("text")
  status: "TRIGGERED" | "ACKNOWLEDGED" | "RESOLVED";

  @Field(() => String)
  @Column("text")
  summary: string;

  @Field(() => String)
  @Column("text")
  source: string;

  @Field(() => String)
  @Column("text")
  severity: EventSeverity;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  component: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "group_name", nullable: true })
  group: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  class: string | null;

  @Column("jsonb", { name: "custom_details", nullable: true })
  customDetails: unknown;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "event_timestamp", nullable: true })
  eventTimestamp: Date | null;

  @Field(() => Int, { description: "Events folded into this alert by its dedup key" })
  @Column("int", { name: "event_count", default: 1 })
  eventCount: number;

  @Column("uuid", { name: "ticket_id", nullable: true })
  ticketId: string | null;

  @Column("uuid", { name: "incident_id", nullable: true })
  incidentId: string | null;

  @Field(() => Date)
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;

  @Field(() => Date)
  @Column("timestamptz", { name: "updated_at" })
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "acknowledged_at", nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "resolved_at", nullable: true })
  resolvedAt: Date | null;
}
