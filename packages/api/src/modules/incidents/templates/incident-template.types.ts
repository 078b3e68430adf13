import { Field, ID, InputType } from "type-graphql";
import { z } from "zod";
import {
  SEVERITIES,
  UPDATE_VISIBILITIES,
  unknownPlaceholders,
  type Severity,
  type UpdateVisibility,
} from "@liaison/domain";
import { SeverityEnum, UpdateVisibilityEnum } from "../incident.enums.js";
import { LIMITS, Name, OptionalText, RefId, Text } from "../../../platform/validation.js";

const Message = Text(LIMITS.message).superRefine((text, ctx) => {
  const unknown = unknownPlaceholders(text);
  if (unknown.length)
    ctx.addIssue({
      code: "custom",
      message: `${unknown.map((n) => `{{${n}}}`).join(", ")} ${unknown.length === 1 ? "is not a placeholder" : "are not placeholders"}: use {{incident.title}}, {{components}} or {{nextUpdateDueAt}}`,
    });
});
const ComponentIds = z.array(RefId).max(100);

@InputType()
export class CreateIncidentTemplateInput {
  static readonly schema = z.object({
    name: Name(LIMITS.name),
    title: OptionalText(LIMITS.title),
    message: Message,
    severity: z.enum(SEVERITIES).nullish(),
    componentIds: ComponentIds.nullish().transform((ids) => ids ?? []),
    visibility: z.enum(UPDATE_VISIBILITIES).nullish(),
  });

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
  /** Left out: unchanged; null: cleared (an empty list for components). */
  static readonly schema = z.object({
    name: Name(LIMITS.name).optional(),
    title: OptionalText(LIMITS.title).optional(),
    message: Message.optional(),
    severity: z.enum(SEVERITIES).nullable().optional(),
    componentIds: ComponentIds.nullable()
      .optional()
      .transform((ids) => (ids === null ? [] : ids)),
    visibility: z.enum(UPDATE_VISIBILITIES).nullable().optional(),
  });

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
