import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { Severity } from "@liaison/domain";
import { SeverityEnum } from "../incidents/index.js";

/** The organization as staff read it; its settings are changed by an ADMIN. */
@ObjectType("Organization")
export class OrganizationView {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: "IANA time zone used for business days" })
  timezone: string;

  @Field(() => [String], { description: "Extra non-business dates (YYYY-MM-DD)" })
  holidays: string[];

  @Field(() => String, { nullable: true, description: "Public holidays of this region count as non-business days" })
  holidayRegion: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The playbook's commander (when the reporter is not a RESPONDER) is whoever this schedule has on call",
  })
  commanderScheduleId: string | null;

  @Field(() => [SeverityEnum], {
    description: "Incidents reported at, or raised to, these run the major-incident playbook",
  })
  playbookSeverities: Severity[];

  @Field(() => Int, { description: "Minutes before a cadence obligation falls due to remind liaison and commander" })
  cadenceReminderLeadMinutes: number;

  @Field(() => Int, { description: "Minutes after an overdue obligation paged the commander to page their manager" })
  cadenceManagerDelayMinutes: number;

  @Field(() => Date)
  updatedAt: Date;
}

@InputType()
export class ConferenceBridgeInput {
  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  dialIn?: string | null;
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  timezone?: string;

  @Field(() => [String], { nullable: true })
  holidays?: string[];

  @Field(() => String, { nullable: true })
  holidayRegion?: string | null;

  @Field(() => ConferenceBridgeInput, { nullable: true })
  conferenceBridge?: ConferenceBridgeInput | null;

  @Field(() => [ID], { nullable: true })
  liaisonUserIds?: string[];

  @Field(() => ID, {
    nullable: true,
    description: "The liaison comes from this schedule; null falls back to the roster",
  })
  liaisonScheduleId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The playbook's commander comes from this schedule when the reporter is not a RESPONDER; null: none",
  })
  commanderScheduleId?: string | null;

  @Field(() => [SeverityEnum], {
    nullable: true,
    description: "Severities that run the major-incident playbook (default SEV1, SEV2; empty: never)",
  })
  playbookSeverities?: Severity[];

  @Field(() => ID, { nullable: true, description: "Used by escalateTicket when no policy is named" })
  defaultEscalationPolicyId?: string | null;

  @Field(() => Int, { nullable: true, description: "Minutes before a cadence obligation to remind (default 2)" })
  cadenceReminderLeadMinutes?: number;

  @Field(() => Int, { nullable: true, description: "Minutes after the overdue page to page a manager (default 5)" })
  cadenceManagerDelayMinutes?: number;
}
