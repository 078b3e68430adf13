import { Field, ID, InputType, ObjectType } from "type-graphql";
import { z } from "zod";
import { isValidTimeZone } from "@liaison/domain";
import { User } from "./user.entity.js";
import { ROLES, RoleEnum, type Role } from "../../platform/access/roles.js";
import { Id, Name, OptionalText, RefId } from "../../platform/validation.js";
import { connectionOf } from "../../platform/graphql/connection.js";

export const TimeZone = z.string().refine(isValidTimeZone, "must be an IANA time zone such as America/New_York");

@ObjectType()
export class CreatedUser {
  @Field(() => User)
  user: User;

  @Field(() => String, { description: "Shown once; only its hash is stored" })
  token: string;
}

@InputType()
export class CreateUserInput {
  static readonly schema = z.object({
    name: Name(200),
    email: z
      .email({ message: "must be an email address" })
      .max(320)
      .transform((e) => e.trim()),
    role: z.enum(ROLES),
    accountId: RefId.nullish(),
    timezone: TimeZone.nullish(),
  });

  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "IANA time zone of the times in their reminders and pages; the organization's when left out",
  })
  timezone?: string | null;
}

@InputType()
export class RevokeApiTokenInput {
  static readonly schema = z
    .object({ token: z.string().min(1).optional(), userId: Id.optional() })
    .refine((v) => (v.token === undefined) !== (v.userId === undefined), {
      message: "give exactly one of token or userId",
      path: ["token"],
    });

  @Field(() => String, { nullable: true, description: "The token to revoke" })
  token?: string;

  @Field(() => ID, { nullable: true, description: "Revoke every token of this user" })
  userId?: string;
}

export const UserConnection = connectionOf(User, "User");

@InputType()
export class UserFilter {
  static readonly schema = z
    .object({
      search: OptionalText(200),
      role: z.array(z.enum(ROLES)).nullish(),
      accountId: Id.nullish(),
    })
    .nullish();

  @Field(() => String, { nullable: true, description: "Part of the name or email, any case" })
  search?: string | null;

  @Field(() => [RoleEnum], { nullable: true, description: "Any of these roles" })
  role?: Role[] | null;

  @Field(() => ID, { nullable: true, description: "The users of this customer account" })
  accountId?: string | null;
}
