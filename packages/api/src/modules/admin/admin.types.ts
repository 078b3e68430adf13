import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { ComponentStatus } from "@liaison/domain";
import { User } from "./user.entity.js";
import { ComponentStatusEnum, RoleEnum, type Role } from "../../platform/graphql/enums.js";
import { ConferenceBridgeInput } from "../../platform/graphql/connection.js";

@ObjectType()
export class CreatedUser {
  @Field(() => User)
  user: User;

  @Field(() => String, { description: "Shown once; only its hash is stored" })
  token: string;
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;
}

@InputType()
export class RevokeApiTokenInput {
  @Field(() => String, { nullable: true, description: "The token to revoke" })
  token?: string;

  @Field(() => ID, { nullable: true, description: "Revoke every token of this user" })
  userId?: string;
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

  @Field(() => ID, { nullable: true, description: "Used by escalateTicket when no policy is named" })
  defaultEscalationPolicyId?: string | null;

  @Field(() => Int, { nullable: true, description: "Minutes before a cadence obligation to remind (default 2)" })
  cadenceReminderLeadMinutes?: number;

  @Field(() => Int, { nullable: true, description: "Minutes after the overdue page to page a manager (default 5)" })
  cadenceManagerDelayMinutes?: number;
}

@InputType()
export class CreateComponentInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  group?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;
}

@InputType()
export class UpdateComponentInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  group?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;

  @Field(() => ComponentStatusEnum, { nullable: true })
  status?: ComponentStatus;
}
