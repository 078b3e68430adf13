import { Field, InputType } from "type-graphql";

@InputType()
export class EditStatusUpdateInput {
  @Field(() => String, { description: "The corrected text, at most 5,000 characters" })
  message: string;
}

@InputType()
export class ReviseIncidentReportInput {
  @Field(() => String)
  summary: string;

  @Field(() => String, { nullable: true, description: "Left out: unchanged; null or empty: removed" })
  rootCause?: string | null;

  @Field(() => [String], { nullable: true, description: "Left out or null: unchanged; an empty list removes them" })
  actionItems?: string[] | null;
}
