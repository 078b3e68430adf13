import { IdColumn, TextColumn, TimestampColumn, UpdatedAtColumn } from "../../platform/db/columns.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import type { SlaSchedule, TicketPriority, TicketStatus } from "@liaison/domain";
import { TicketPriorityEnum, TicketSourceEnum, TicketStatusEnum, type TicketSource } from "./support.enums.js";

/** A span spent waiting on the customer, stored as ISO strings; `to` is null while still waiting. */
export type StoredPause = { from: string; to: string | null };

@ObjectType()
@Entity("ticket")
export class Ticket {
  @IdColumn()
  id: string;

  @Field(() => Int, { description: "Human-facing number, sequential" })
  @Column({ type: "int", insert: false, update: false })
  number: number;

  @Column("uuid", { name: "account_id" })
  accountId: string;

  @Column("uuid", { name: "requester_id", nullable: true })
  requesterId: string | null;

  @Column("uuid", { name: "assignee_id", nullable: true })
  assigneeId: string | null;

  @TextColumn()
  subject: string;

  @TextColumn({ nullable: true })
  description: string | null;

  @Field(() => TicketPriorityEnum)
  @Column("text")
  priority: TicketPriority;

  @Field(() => TicketStatusEnum)
  @Column("text")
  status: TicketStatus;

  @Field(() => TicketSourceEnum)
  @Column("text", { default: "PORTAL" })
  source: TicketSource;

  /** The SLA policy in force when the ticket was opened (or its priority last changed). */
  @Column("int", { name: "sla_first_response_minutes" })
  slaFirstResponseMinutes: number;

  @Column("int", { name: "sla_next_response_minutes" })
  slaNextResponseMinutes: number;

  @Column("jsonb", { name: "sla_schedule" })
  slaSchedule: SlaSchedule;

  @Column("jsonb", { default: () => "'[]'" })
  pauses: StoredPause[];

  @TimestampColumn("created_at")
  createdAt: Date;

  @TimestampColumn("first_responded_at", { nullable: true })
  firstRespondedAt: Date | null;

  @TimestampColumn("last_agent_response_at", { nullable: true })
  lastAgentResponseAt: Date | null;

  @TimestampColumn("last_customer_message_at", { nullable: true })
  lastCustomerMessageAt: Date | null;

  @TimestampColumn("solved_at", { nullable: true })
  solvedAt: Date | null;

  @Column("uuid", { name: "incident_id", nullable: true })
  incidentId: string | null;

  /** Escalated through this policy when its SLA breaches (tickets from an integration's service). */
  @Column("uuid", { name: "escalation_policy_id", nullable: true })
  escalationPolicyId: string | null;

  @UpdatedAtColumn()
  updatedAt: Date;
}

@ObjectType()
@Entity("ticket_message")
export class TicketMessage {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "ticket_id" })
  ticketId: string;

  @Column("uuid", { name: "author_id", nullable: true })
  authorId: string | null;

  @Field(() => String, { description: "AGENT or CUSTOMER" })
  @Column("text", { name: "author_kind" })
  authorKind: "AGENT" | "CUSTOMER";

  @TextColumn()
  body: string;

  @Field(() => Boolean, { description: "Internal notes are seen by staff only" })
  @Column("boolean", { default: false })
  internal: boolean;

  @TimestampColumn("created_at")
  createdAt: Date;
}
