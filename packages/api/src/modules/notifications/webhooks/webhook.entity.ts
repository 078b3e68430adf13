import { IdColumn, TextColumn, TimestampColumn } from "../../../platform/db/columns.js";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** Where a person's notifications are POSTed, signed per the Standard Webhooks spec. */
@ObjectType()
@Entity("webhook_endpoint")
export class WebhookEndpoint {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "user_id" })
  userId: string;

  @TextColumn()
  url: string;

  /** whsec_<base64 key>, sealed with SECRETS_KEY (v1:<nonce>:<ciphertext+tag>); shown once, when the endpoint is created. */
  @Column("text")
  secret: string;

  @TextColumn({ nullable: true })
  description: string | null;

  @Field(() => Boolean, { description: "False once the receiver answered 410 Gone" })
  @Column("boolean", { default: true })
  enabled: boolean;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "disabled_reason", nullable: true })
  disabledReason: string | null;

  @TimestampColumn("created_at")
  createdAt: Date;
}

@ObjectType()
@Entity("webhook_delivery")
export class WebhookDelivery {
  @Field(() => ID, { description: "webhook-id is msg_<id>, the same on every attempt" })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "endpoint_id" })
  endpointId: string;

  @Field(() => String)
  @Column("text", { name: "event_type" })
  eventType: string;

  @Column("jsonb")
  payload: Record<string, unknown>;

  @Field(() => String, { description: "PENDING, DELIVERED, FAILED or CANCELLED" })
  @Column("text")
  status: "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED";

  @Field(() => Int)
  @Column("int", { default: 0 })
  attempts: number;

  @Field(() => Int, { nullable: true })
  @Column("int", { name: "last_status_code", nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "last_error", nullable: true })
  lastError: string | null;

  @TimestampColumn("created_at")
  createdAt: Date;

  @TimestampColumn("delivered_at", { nullable: true })
  deliveredAt: Date | null;
}
