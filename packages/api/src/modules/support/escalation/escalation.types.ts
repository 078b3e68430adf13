import { Field, ID, InputType } from "type-graphql";
import { z } from "zod";
import { Id, Text } from "../../../platform/validation.js";

@InputType()
export class EscalateTicketInput {
  static readonly schema = z.object({
    escalationPolicyId: Id.nullish(),
    reason: Text(1000),
  });

  @Field(() => ID, { nullable: true, description: "Default: the ticket's service policy, else the organization's" })
  escalationPolicyId?: string | null;

  @Field(() => String)
  reason: string;
}
