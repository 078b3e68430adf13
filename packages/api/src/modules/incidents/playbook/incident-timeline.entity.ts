import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { TimelineKindEnum, type TimelineKind } from "../incident.enums.js";

/** One step in how an incident was run (the playbook's and people's), for staff. */
@ObjectType()
@Entity("incident_timeline_entry")
export class IncidentTimelineEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "incident_id" })
  incidentId: string;

  /** Insertion order: steps of one instant keep the order they were taken in. */
  @Column({ type: "bigint", insert: false, update: false, select: false })
  seq: string;

  @Field(() => Date)
  @Column("timestamptz")
  at: Date;

  @Field(() => TimelineKindEnum)
  @Column("text")
  kind: TimelineKind;

  @Field(() => String, { description: "What happened, in words (names as they were at the time)" })
  @Column("text")
  message: string;

  /** Whom the step concerns (the person assigned or notified). */
  @Column("uuid", { name: "user_id", nullable: true })
  userId: string | null;

  /** Who took the step; null when the playbook did. */
  @Column("uuid", { name: "actor_id", nullable: true })
  actorId: string | null;
}
