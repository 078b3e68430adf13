import { Field, Int, ObjectType } from "type-graphql";
import { Account } from "../../accounts/index.js";
import { User } from "../../admin/index.js";

/** A customer account with tickets linked to the incident: who the liaison speaks for. */
@ObjectType()
export class AffectedAccount {
  @Field(() => Account)
  account: Account;

  @Field(() => Int, { description: "How many of its tickets are linked to the incident" })
  ticketCount: number;

  @Field(() => [User], { description: "The requesters of those tickets" })
  requesters: User[];
}
