import { IdColumn, TextColumn, TimestampColumn } from "../../platform/db/columns.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { NotificationChannelEnum, NotificationKindEnum, type NotificationChannel } from "./notification.enums.js";
import { type NotificationKind } from "../../platform/notifier.js";

/** Something one person must hear about: a warning, a breach, a page, an incident's news. */
@ObjectType()
@Entity("notification")
export class Notification {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "user_id" })
  userId: string;

  @Field(() => NotificationKindEnum)
  @Column("text")
  kind: NotificationKind;

  @TextColumn()
  title: string;

  @TextColumn()
  body: string;

  @Column("uuid", { name: "ticket_id", nullable: true })
  ticketId: string | null;

  @Column("uuid", { name: "incident_id", nullable: true })
  incidentId: string | null;

  @Column("uuid", { name: "escalation_id", nullable: true })
  escalationId: string | null;

  @Field(() => Date, { nullable: true, description: "The deadline this notification is about" })
  @Column("timestamptz", { name: "due_at", nullable: true })
  dueAt: Date | null;

  @Column("text", { name: "dedup_key" })
  dedupKey: string;

  @TimestampColumn("created_at")
  createdAt: Date;

  @TimestampColumn("acknowledged_at", { nullable: true })
  acknowledgedAt: Date | null;
}

@ObjectType()
@Entity("notification_preference")
export class NotificationPreference {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId: string;

  @Field(() => [NotificationChannelEnum])
  @Column("text", { array: true })
  channels: NotificationChannel[];

  @Field(() => [Int], { description: "Minutes before an SLA runs out at which to warn, e.g. [30, 10]" })
  @Column("int", { name: "lead_minutes", array: true })
  leadMinutes: number[];

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
