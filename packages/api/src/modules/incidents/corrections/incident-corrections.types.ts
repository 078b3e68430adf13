import { Field, InputType } from "type-graphql";
import { z } from "zod";
import { LIMITS, OptionalText, Text } from "../../../platform/validation.js";

@InputType()
export class EditStatusUpdateInput {
  static readonly schema = z.object({ message: Text(LIMITS.message) });

  @Field(() => String, { description: "The corrected text, at most 5,000 characters" })
  message: string;
}

@InputType()
export class ReviseIncidentReportInput {
  /** Left out: unchanged. A null or empty root cause clears it; an empty list clears the action items. */
  static readonly schema = z.object({
    summary: Text(LIMITS.summary),
    rootCause: OptionalText(LIMITS.summary).optional(),
    actionItems: z.array(Text(1000)).max(100).nullish(),
  });

  @Field(() => String)
  summary: string;

  @Field(() => String, { nullable: true, description: "Left out: unchanged; null or empty: removed" })
  rootCause?: string | null;

  @Field(() => [String], { nullable: true, description: "Left out or null: unchanged; an empty list removes them" })
  actionItems?: string[] | null;
}
