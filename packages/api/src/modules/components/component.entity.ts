import { CreatedAtColumn, IdColumn, TextColumn, UpdatedAtColumn } from "../../platform/db/columns.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { ComponentStatus } from "@liaison/domain";
import { ComponentStatusEnum } from "./component.enums.js";

@ObjectType()
@Entity("component")
export class Component {
  @IdColumn()
  id: string;

  @TextColumn()
  name: string;

  @TextColumn({ nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "group_name", nullable: true })
  group: string | null;

  @Field(() => ComponentStatusEnum)
  @Column("text", { default: "OPERATIONAL" })
  status: ComponentStatus;

  @Field(() => Int)
  @Column("int", { default: 0 })
  position: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

/** History of component statuses: the source of uptime figures. */
@Entity("component_status_change")
export class ComponentStatusChange {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Column("uuid", { name: "component_id" })
  componentId: string;

  @Column("text")
  status: ComponentStatus;

  @Column("timestamptz", { name: "changed_at" })
  changedAt: Date;

  @Column("uuid", { name: "incident_id", nullable: true })
  incidentId: string | null;
}

/** The page's order: by position, then by name. */
export function byPosition(a: Component, b: Component): number {
  return a.position - b.position || a.name.localeCompare(b.name);
}
