import { CreatedAtColumn, IdColumn, TextColumn, TimestampColumn } from "../../platform/db/columns.js";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from "typeorm";
import type { ComponentStatus, IncidentStatus, ReportKind, UpdateVisibility } from "@liaison/domain";
import { ComponentStatusEnum } from "../components/index.js";
import { IncidentStatusEnum, ReportKindEnum, UpdateVisibilityEnum } from "./incident.enums.js";
import type { Incident } from "./incident.entity.js";

@ObjectType()
export class ComponentStatusSnapshot {
  @Field(() => ID)
  componentId: string;

  @Field(() => ComponentStatusEnum)
  status: ComponentStatus;
}

@ObjectType()
@Entity("incident_update")
export class IncidentUpdate {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "incident_id" })
  incidentId: string;

  @ManyToOne("Incident", "updates")
  @JoinColumn({ name: "incident_id" })
  incident: Relation<Incident>;

  @Field(() => Int, { description: "Order of acceptance within the incident, from 1" })
  @Column("int")
  sequence: number;

  @Field(() => IncidentStatusEnum)
  @Column("text")
  status: IncidentStatus;

  @TextColumn()
  message: string;

  @Field(() => UpdateVisibilityEnum)
  @Column("text")
  visibility: UpdateVisibility;

  @Field(() => [ComponentStatusSnapshot])
  @Column("jsonb", { name: "component_statuses", default: () => "'[]'" })
  componentStatuses: ComponentStatusSnapshot[];

  @Column("uuid", { name: "author_id", nullable: true })
  authorId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When the message was last corrected; null if never" })
  @Column("timestamptz", { name: "edited_at", nullable: true })
  editedAt: Date | null;
}

@ObjectType()
@Entity("incident_report")
export class IncidentReport {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "incident_id" })
  incidentId: string;

  @ManyToOne("Incident", "reports")
  @JoinColumn({ name: "incident_id" })
  incident: Relation<Incident>;

  @Field(() => ReportKindEnum)
  @Column("text")
  kind: ReportKind;

  @TextColumn()
  summary: string;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "root_cause", nullable: true })
  rootCause: string | null;

  @Field(() => [String])
  @Column("text", { name: "action_items", array: true, default: () => "'{}'" })
  actionItems: string[];

  @Column("uuid", { name: "author_id", nullable: true })
  authorId: string | null;

  @TimestampColumn("published_at")
  publishedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the report was last revised; null if never" })
  @Column("timestamptz", { name: "revised_at", nullable: true })
  revisedAt: Date | null;
}
