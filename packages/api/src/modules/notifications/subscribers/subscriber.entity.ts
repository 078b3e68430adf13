import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { graphqlEnum } from "../../../platform/graphql/enum.js";

export const SUBSCRIBER_CHANNELS = ["EMAIL", "WEBHOOK"] as const;
export type SubscriberChannel = (typeof SUBSCRIBER_CHANNELS)[number];
export const SubscriberChannelEnum = graphqlEnum(SUBSCRIBER_CHANNELS, "SubscriberChannel");

/** Secrets of a subscriber are sealed (platform/secrets.ts) under these purposes. */
export const UNSUBSCRIBE_TOKEN_PURPOSE = "status_subscriber.unsubscribe_token";
export const CONFIRM_TOKEN_PURPOSE = "status_subscriber.confirm_token";
export const SUBSCRIBER_SECRET_PURPOSE = "status_subscriber.webhook_secret";

/** Someone who hears of the status page's news by email (after confirming) or webhook. */
@ObjectType()
@Entity("status_subscriber")
export class Subscriber {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => SubscriberChannelEnum)
  @Column("text")
  channel: SubscriberChannel;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "webhook_url", nullable: true })
  webhookUrl: string | null;

  @Field(() => [ID], { description: "The components whose news this subscriber hears of; empty: all" })
  @Column("uuid", { name: "component_ids", array: true, default: () => "'{}'" })
  componentIds: string[];

  @Field(() => Date, { nullable: true, description: "Email: when the link mailed to it was followed" })
  @Column("timestamptz", { name: "confirmed_at", nullable: true })
  confirmedAt: Date | null;

  @Field(() => Date)
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;

  /** sha256 (hex) of the unsubscribe token; the token itself is sealed in `unsubscribeToken`. */
  @Column("text", { name: "unsubscribe_token_hash" })
  unsubscribeTokenHash: string;

  @Column("text", { name: "unsubscribe_token" })
  unsubscribeToken: string;

  @Column("text", { name: "confirm_token_hash", nullable: true })
  confirmTokenHash: string | null;

  @Column("text", { name: "confirm_token", nullable: true })
  confirmToken: string | null;

  @Column("timestamptz", { name: "confirmation_sent_at", nullable: true })
  confirmationSentAt: Date | null;

  /** Webhook only: the Standard Webhooks signing secret, sealed. */
  @Column("text", { name: "webhook_secret", nullable: true })
  webhookSecret: string | null;

  @Column("timestamptz", { name: "disabled_at", nullable: true })
  disabledAt: Date | null;

  @Column("text", { name: "disabled_reason", nullable: true })
  disabledReason: string | null;

  /** whsec_…: set only in the answer to the `subscribe` that created a webhook subscription. */
  @Field(() => String, {
    nullable: true,
    description:
      "Webhook: verify webhook-signature with this whsec_… secret; shown once, to the subscribe that made it",
  })
  signingSecret?: string | null;
}
