import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { Severity, UpdateVisibility } from "@liaison/domain";
import { SeverityEnum, UpdateVisibilityEnum } from "../incident.enums.js";

/**
 * Words prepared ahead: `reportIncident` takes the title, severity and components from it,
 * `postStatusUpdate` and `publishIncidentReport` the message (placeholders filled), for what their input leaves out.
 */
@ObjectType()
@Entity("incident_template")
export class IncidentTemplate {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "Unique, ignoring case" })
  @Column("text")
  name: string;

  @Field(() => String, { nullable: true, description: "The incident's title, when reporting one" })
  @Column("text", { nullable: true })
  title: string | null;

  @Field(() => String, {
    description: "May name {{incident.title}} (the public name), {{components}} and {{nextUpdateDueAt}}",
  })
  @Column("text")
  message: string;

  @Field(() => SeverityEnum, { nullable: true })
  @Column("text", { nullable: true })
  severity: Severity | null;

  @Field(() => [ID], { description: "The components of an incident reported with it" })
  @Column("uuid", { name: "component_ids", array: true, default: () => "'{}'" })
  componentIds: string[];

  @Field(() => UpdateVisibilityEnum, { nullable: true, description: "Of a status update posted with it" })
  @Column("text", { nullable: true })
  visibility: UpdateVisibility | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt: Date;
}
