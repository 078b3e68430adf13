import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { WebhookDelivery, WebhookEndpoint } from "./webhook.entity.js";
import { CreateWebhookEndpointInput } from "./webhook.types.js";
import { createWebhookEndpoint, deleteWebhookEndpoint, deliveriesOf, myWebhookEndpoints } from "./webhooks.js";
import { Allow } from "../../../platform/access/decorators.js";
import { STAFF } from "../../../platform/access/roles.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";

const EVERYONE = [...STAFF, "CUSTOMER" as const];

@ObjectType()
class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field(() => String, { description: "whsec_…: verify webhook-signature with it; shown once" })
  secret: string;
}

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Allow(...EVERYONE)
  @Query(() => [WebhookEndpoint], { description: "The signed-in user's webhook endpoints" })
  webhookEndpoints(@Ctx() ctx: GraphQLContext) {
    return myWebhookEndpoints(ctx.services);
  }

  @Allow(...EVERYONE)
  @Mutation(() => CreatedWebhookEndpoint, {
    description: "Notifications of the WEBHOOK channel are POSTed here, signed per Standard Webhooks",
  })
  createWebhookEndpoint(
    @Arg("input", () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return createWebhookEndpoint(ctx.services, input);
  }

  @Allow(...EVERYONE)
  @Mutation(() => Boolean)
  deleteWebhookEndpoint(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return deleteWebhookEndpoint(ctx.services, id);
  }

  @FieldResolver(() => [WebhookDelivery], { description: "The 50 latest, newest first" })
  deliveries(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: GraphQLContext) {
    return deliveriesOf(ctx.services, endpoint);
  }
}
