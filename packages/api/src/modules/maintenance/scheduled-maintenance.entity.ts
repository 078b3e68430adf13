import { CreatedAtColumn, IdColumn, TextColumn, TimestampColumn, UpdatedAtColumn } from "../../platform/db/columns.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, type Relation } from "typeorm";
import type { MaintenanceStatus } from "@liaison/domain";
import { MaintenanceStatusEnum } from "./maintenance.enums.js";
import type { Component } from "../components/index.js";

/** A planned window of work on some components: announced ahead, counted neither as downtime nor as an incident. */
@ObjectType()
@Entity("scheduled_maintenance")
export class ScheduledMaintenance {
  @IdColumn()
  id: string;

  @TextColumn()
  title: string;

  @TextColumn({ nullable: true })
  description: string | null;

  @Field(() => MaintenanceStatusEnum)
  @Column("text", { default: "SCHEDULED" })
  status: MaintenanceStatus;

  @TimestampColumn("scheduled_for")
  scheduledFor: Date;

  @TimestampColumn("scheduled_until")
  scheduledUntil: Date;

  @TimestampColumn("started_at", { nullable: true })
  startedAt: Date | null;

  @TimestampColumn("completed_at", { nullable: true })
  completedAt: Date | null;

  @TimestampColumn("cancelled_at", { nullable: true })
  cancelledAt: Date | null;

  @Field(() => Boolean, { description: "Starts by itself at scheduledFor unless someone starts it first" })
  @Column("boolean", { name: "auto_start", default: true })
  autoStart: boolean;

  @Field(() => Boolean, { description: "Completes by itself at scheduledUntil unless someone completes it first" })
  @Column("boolean", { name: "auto_complete", default: true })
  autoComplete: boolean;

  @Field(() => Int, { description: "Minutes before scheduledFor at which subscribers are reminded; 0: no reminder" })
  @Column("int", { name: "remind_before_minutes", default: 60 })
  remindBeforeMinutes: number;

  @Column("uuid", { name: "created_by_id", nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Preloaded by the status page; otherwise the field resolver batches them. */
  components?: Relation<Component>[];
  updates?: Relation<ScheduledMaintenanceUpdate>[];
}

@ObjectType()
@Entity("scheduled_maintenance_update")
export class ScheduledMaintenanceUpdate {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "maintenance_id" })
  maintenanceId: string;

  @Field(() => MaintenanceStatusEnum)
  @Column("text")
  status: MaintenanceStatus;

  @TextColumn()
  message: string;

  @Column("uuid", { name: "author_id", nullable: true })
  authorId: string | null;

  @TimestampColumn("created_at")
  createdAt: Date;
}
