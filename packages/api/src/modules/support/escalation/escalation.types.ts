import { Field, ID, InputType } from "type-graphql";

@InputType()
export class EscalateTicketInput {
  @Field(() => ID, { nullable: true, description: "Default: the ticket's service policy, else the organization's" })
  escalationPolicyId?: string | null;

  @Field(() => String)
  reason: string;
}
