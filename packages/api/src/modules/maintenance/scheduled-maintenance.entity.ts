import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from "typeorm";
import type { MaintenanceStatus } from "@liaison/domain";
import { MaintenanceStatusEnum } from "./maintenance.enums.js";
import type { Component } from "../components/index.js";

/** A planned window of work on some components: announced ahead, counted neither as downtime nor as an incident. */
@ObjectType()
@Entity("scheduled_maintenance")
export class ScheduledMaintenance {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  title: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  description: string | null;

  @Field(() => MaintenanceStatusEnum)
  @Column("text", { default: "SCHEDULED" })
  status: MaintenanceStatus;

  @Field(() => Date)
  @Column("timestamptz", { name: "scheduled_for" })
  scheduledFor: Date;

  @Field(() => Date)
  @Column("timestamptz", { name: "scheduled_until" })
  scheduledUntil: Date;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "started_at", nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "completed_at", nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "cancelled_at", nullable: true })
  cancelledAt: Date | null;

  @Column("uuid", { name: "created_by_id", nullable: true })
  createdById: string | null;

  @Field(() => Date)
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  /** Preloaded by the status page; otherwise the field resolver batches them. */
  components?: Relation<Component>[];
  updates?: Relation<ScheduledMaintenanceUpdate>[];
}

@ObjectType()
@Entity("scheduled_maintenance_update")
export class ScheduledMaintenanceUpdate {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "maintenance_id" })
  maintenanceId: string;

  @Field(() => MaintenanceStatusEnum)
  @Column("text")
  status: MaintenanceStatus;

  @Field(() => String)
  @Column("text")
  message: string;

  @Column("uuid", { name: "author_id", nullable: true })
  authorId: string | null;

  @Field(() => Date)
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;
}
