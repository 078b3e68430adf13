import { Field, InputType } from "type-graphql";
import { z } from "zod";
import { OptionalText } from "../../../platform/validation.js";

@InputType()
export class CreateWebhookEndpointInput {
  static readonly schema = z.object({
    url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000),
    description: OptionalText(500),
  });

  @Field(() => String, { description: "http(s); private and loopback targets are refused" })
  url: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
