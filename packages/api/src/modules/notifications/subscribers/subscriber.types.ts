import { Field, ID, InputType } from "type-graphql";
import { z } from "zod";
import { connectionOf } from "../../../platform/graphql/connection.js";
import { RefId } from "../../../platform/validation.js";
import { Subscriber } from "./subscriber.entity.js";

export const SubscriberConnection = connectionOf(Subscriber, "Subscriber");

const EITHER = "give either an email or a webhookUrl";

@InputType()
export class SubscribeInput {
  static readonly schema = z
    .object({
      email: z
        .string()
        .trim()
        .max(254, "must be at most 254 characters")
        .pipe(z.email({ message: "is not an email address" }))
        .nullish()
        .transform((v) => v ?? undefined),
      webhookUrl: z
        .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
        .max(2000)
        .nullish()
        .transform((v) => v ?? undefined),
      componentIds: z
        .array(RefId)
        .max(100, "at most 100 components")
        .nullish()
        .transform((l) => [...new Set(l ?? [])].sort()),
    })
    .superRefine((input, ctx) => {
      if ((input.email === undefined) === (input.webhookUrl === undefined)) {
        ctx.addIssue({ code: "custom", path: ["email"], message: EITHER });
        ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: EITHER });
      }
    });

  @Field(() => String, { nullable: true, description: "Mail to this address, once confirmed by the link mailed to it" })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "POST Statuspage-shaped payloads here (private targets are refused)",
  })
  webhookUrl?: string | null;

  @Field(() => [ID], { nullable: true, description: "Only these components' news; none: everything" })
  componentIds?: string[] | null;
}
