import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { z } from "zod";
import { SEVERITIES, isKnownHolidayRegion, isValidTimeZone, type Severity } from "@liaison/domain";
import { SeverityEnum } from "../incidents/index.js";
import { LocalDate, Name, RefId } from "../../platform/validation.js";

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
  static readonly schema = z.object({
    url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }),
    dialIn: z.string().trim().max(200).nullish(),
  });

  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  dialIn?: string | null;
}

@InputType()
export class UpdateOrganizationInput {
  static readonly schema = z.object({
    name: Name(200).optional(),
    timezone: z.string().refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin").optional(),
    holidays: z.array(LocalDate).max(1000).optional(),
    holidayRegion: z
      .string()
      .refine(isKnownHolidayRegion, "must be a region of the holiday library, e.g. US, DE, GB")
      .nullish(),
    conferenceBridge: ConferenceBridgeInput.schema.nullish(),
    liaisonUserIds: z.array(RefId).max(100).optional(),
    liaisonScheduleId: z.uuid({ message: "must be a valid id" }).nullish(),
    commanderScheduleId: z.uuid({ message: "must be a valid id" }).nullish(),
    playbookSeverities: z.array(z.enum(SEVERITIES)).max(4).optional(),
    defaultEscalationPolicyId: z.uuid({ message: "must be a valid id" }).nullish(),
    cadenceReminderLeadMinutes: z.number().int().min(1).max(60).optional(),
    cadenceManagerDelayMinutes: z.number().int().min(1).max(240).optional(),
  });

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
