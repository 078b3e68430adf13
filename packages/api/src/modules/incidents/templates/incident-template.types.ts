import { Field, ID, InputType } from "type-graphql";
import type { Severity, UpdateVisibility } from "@liaison/domain";
import { SeverityEnum, UpdateVisibilityEnum } from "../incident.enums.js";

@InputType()
export class CreateIncidentTemplateInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { description: "May name {{incident.title}}, {{components}} and {{nextUpdateDueAt}}" })
  message: string;

  @Field(() => SeverityEnum, { nullable: true })
  severity?: Severity | null;

  @Field(() => [ID], { nullable: true })
  componentIds?: string[] | null;

  @Field(() => UpdateVisibilityEnum, { nullable: true })
  visibility?: UpdateVisibility | null;
}

@InputType({ description: "Left out: unchanged; null: cleared" })
export class UpdateIncidentTemplateInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  message?: string;

  @Field(() => SeverityEnum, { nullable: true })
  severity?: Severity | null;

  @Field(() => [ID], { nullable: true })
  componentIds?: string[] | null;

  @Field(() => UpdateVisibilityEnum, { nullable: true })
  visibility?: UpdateVisibility | null;
}
