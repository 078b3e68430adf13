import { Field, ID, InputType, ObjectType } from "type-graphql";
import { User } from "./user.entity.js";
import { RoleEnum, type Role } from "../../platform/access/roles.js";

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

  @Field(() => String, {
    nullable: true,
    description: "IANA time zone of the times in their reminders and pages; the organization's when left out",
  })
  timezone?: string | null;
}

@InputType()
export class RevokeApiTokenInput {
  @Field(() => String, { nullable: true, description: "The token to revoke" })
  token?: string;

  @Field(() => ID, { nullable: true, description: "Revoke every token of this user" })
  userId?: string;
}
