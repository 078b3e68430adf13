import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";

@ObjectType()
export class ConferenceBridge {
  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  dialIn: string | null;
}

/** Liaison is single-tenant: one organization row, created by the first migration. */
@ObjectType()
@Entity("organization")
export class Organization {
  @Field(() => ID)
  @PrimaryColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => String, { description: "IANA time zone used for business days" })
  @Column("text", { default: "UTC" })
  timezone: string;

  @Field(() => [String], { description: "Extra non-business dates (YYYY-MM-DD)" })
  @Column("text", { array: true, default: () => "'{}'" })
  holidays: string[];

  @Field(() => String, { nullable: true, description: "Public holidays of this region count as non-business days" })
  @Column("text", { name: "holiday_region", nullable: true })
  holidayRegion: string | null;

  @Column("text", { name: "bridge_url", nullable: true })
  bridgeUrl: string | null;

  @Column("text", { name: "bridge_dial_in", nullable: true })
  bridgeDialIn: string | null;

  @Column("uuid", { name: "liaison_user_ids", array: true, default: () => "'{}'" })
  liaisonUserIds: string[];

  /** When set, the on-duty liaison is whoever this schedule has on call. */
  @Column("uuid", { name: "liaison_schedule_id", nullable: true })
  liaisonScheduleId: string | null;

  @Column("uuid", { name: "default_escalation_policy_id", nullable: true })
  defaultEscalationPolicyId: string | null;

  @Field(() => Int, { description: "Minutes before a cadence obligation falls due to remind liaison and commander" })
  @Column("int", { name: "cadence_reminder_lead_minutes", default: 2 })
  cadenceReminderLeadMinutes: number;

  @Field(() => Int, { description: "Minutes after an overdue obligation paged the commander to page their manager" })
  @Column("int", { name: "cadence_manager_delay_minutes", default: 5 })
  cadenceManagerDelayMinutes: number;

  @Field(() => Date)
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
