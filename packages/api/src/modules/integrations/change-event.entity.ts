import { GraphQLJSON } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { IdColumn, TextColumn, TimestampColumn } from "../../platform/db/columns.js";

@ObjectType({ description: "A link sent with a change event" })
export class ChangeEventLink {
  @Field(() => String)
  href: string;

  @Field(() => String, { nullable: true })
  text: string | null;
}

/** A change to a service (a deploy, a configuration change) sent to POST /v2/change/enqueue. */
@ObjectType({ description: "A change to a service (deploy, configuration change), from the Events API" })
@Entity("change_event")
export class ChangeEvent {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "service_id" })
  serviceId: string;

  @Column("uuid", { name: "integration_id" })
  integrationId: string;

  @TextColumn({ description: "payload.summary (at most 1024 characters)" })
  summary: string;

  @TextColumn({ nullable: true, description: "payload.source: where the change happened" })
  source: string | null;

  @TimestampColumn("occurred_at", {
    description: "payload.timestamp: when the change happened (when it was received, if the sender gave none)",
  })
  timestamp: Date;

  @Field(() => GraphQLJSON, { nullable: true, description: "payload.custom_details, as sent" })
  @Column("jsonb", { name: "custom_details", nullable: true })
  customDetails: unknown;

  @Field(() => [ChangeEventLink])
  @Column("jsonb", { default: () => "'[]'" })
  links: ChangeEventLink[];

  @TimestampColumn("received_at")
  receivedAt: Date;
}
