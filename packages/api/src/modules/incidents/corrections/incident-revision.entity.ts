import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A status update's earlier text: what it said until someone corrected it, when, and who did. */
@ObjectType()
@Entity("incident_update_revision")
export class IncidentUpdateRevision {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "update_id" })
  updateId: string;

  @Field(() => String, { description: "The text as it stood before this correction" })
  @Column("text")
  message: string;

  @Field(() => Date, { description: "When this text was replaced" })
  @Column("timestamptz", { name: "edited_at" })
  editedAt: Date;

  @Column("uuid", { name: "edited_by_id", nullable: true })
  editedById: string | null;
}

/** A report as it read before a revision, when it was revised, and by whom. */
@ObjectType()
@Entity("incident_report_revision")
export class IncidentReportRevision {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "report_id" })
  reportId: string;

  @Field(() => String)
  @Column("text")
  summary: string;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "root_cause", nullable: true })
  rootCause: string | null;

  @Field(() => [String])
  @Column("text", { name: "action_items", array: true, default: () => "'{}'" })
  actionItems: string[];

  @Field(() => Date, { description: "When this version was replaced" })
  @Column("timestamptz", { name: "revised_at" })
  revisedAt: Date;

  @Column("uuid", { name: "revised_by_id", nullable: true })
  revisedById: string | null;
}
