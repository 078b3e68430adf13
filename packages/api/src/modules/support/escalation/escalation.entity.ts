import { IdColumn, TextColumn, TimestampColumn } from "../../../platform/db/columns.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { EscalationPolicy as DomainPolicy } from "@liaison/domain";

@ObjectType()
@Entity("escalation")
export class Escalation {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "ticket_id" })
  ticketId: string;

  @Column("uuid", { name: "policy_id" })
  policyId: string;

  /** The policy as it was when the escalation started: later edits do not change who it pages. */
  @Column("jsonb")
  policy: DomainPolicy;

  @TextColumn()
  reason: string;

  @TimestampColumn("started_at")
  startedAt: Date;

  @Column("uuid", { name: "started_by_id", nullable: true })
  startedById: string | null;

  @Field(() => String, { description: "ACTIVE, ACKNOWLEDGED or EXHAUSTED" })
  @Column("text")
  status: "ACTIVE" | "ACKNOWLEDGED" | "EXHAUSTED";

  @TimestampColumn("acknowledged_at", { nullable: true })
  acknowledgedAt: Date | null;

  @Column("uuid", { name: "acknowledged_by_id", nullable: true })
  acknowledgedById: string | null;
}

@ObjectType()
@Entity("escalation_page")
export class EscalationPage {
  @PrimaryColumn("uuid", { name: "escalation_id" })
  escalationId: string;

  @Field(() => Int)
  @PrimaryColumn("int")
  round: number;

  @Field(() => Int)
  @PrimaryColumn("int")
  level: number;

  @PrimaryColumn("uuid", { name: "user_id" })
  userId: string;

  @TimestampColumn("paged_at")
  pagedAt: Date;
}
