import { Field, ObjectType } from "type-graphql";
import type { Severity } from "@liaison/domain";
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";

@ObjectType()
export class ConferenceBridge {
  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  dialIn: string | null;
}

/** Liaison is single-tenant: one organization row, created by the first migration. */
@Entity("organization")
export class Organization {
  @PrimaryColumn("uuid")
  id: string;

  @Column("text")
  name: string;

  @Column("text", { default: "UTC" })
  timezone: string;

  @Column("text", { array: true, default: () => "'{}'" })
  holidays: string[];

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

  /** The major-incident playbook's commander, when the reporter is not a RESPONDER: whoever this schedule has on call. */
  @Column("uuid", { name: "commander_schedule_id", nullable: true })
  commanderScheduleId: string | null;

  /** Incidents reported at, or raised to, these severities run the major-incident playbook. */
  @Column("text", { name: "playbook_severities", array: true, default: () => "'{SEV1,SEV2}'" })
  playbookSeverities: Severity[];

  @Column("uuid", { name: "default_escalation_policy_id", nullable: true })
  defaultEscalationPolicyId: string | null;

  @Column("int", { name: "cadence_reminder_lead_minutes", default: 2 })
  cadenceReminderLeadMinutes: number;

  @Column("int", { name: "cadence_manager_delay_minutes", default: 5 })
  cadenceManagerDelayMinutes: number;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
