import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { Subscriber } from "./subscriber.entity.js";
import { SubscribeInput, SubscriberConnection } from "./subscriber.types.js";
import { confirmSubscription, listSubscribers, removeSubscriber, subscribe, unsubscribe } from "./subscribers.js";
import { Allow, Public } from "../../../platform/access/decorators.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";

@Resolver(() => Subscriber)
export class SubscriberResolver {
  @Public()
  @Mutation(() => Subscriber, {
    description:
      "Subscribe to the status page's news: by email (confirmed by the link mailed to it) or by webhook. Rate-limited per client and per address",
  })
  subscribe(@Arg("input", () => SubscribeInput) input: SubscribeInput, @Ctx() ctx: GraphQLContext) {
    const caller = ctx.caller ?? (ctx.viewer ? `user:${ctx.viewer.userId}` : "ip:?");
    return subscribe(ctx.services, input, caller);
  }

  @Public()
  @Mutation(() => Subscriber, { description: "The token of a confirmation mail's link" })
  confirmSubscription(@Arg("token", () => String) token: string, @Ctx() ctx: GraphQLContext) {
    return confirmSubscription(ctx.services, token);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: "The token of a message's unsubscribe link; false when it was already ended",
  })
  unsubscribe(@Arg("token", () => String) token: string, @Ctx() ctx: GraphQLContext) {
    return unsubscribe(ctx.services, token);
  }

  @Allow("ADMIN")
  @Query(() => SubscriberConnection, { description: "Status page subscribers, newest first" })
  subscribers(
    @Ctx() ctx: GraphQLContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listSubscribers(ctx.services, first, after);
  }

  @Allow("ADMIN")
  @Mutation(() => Boolean)
  removeSubscriber(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return removeSubscriber(ctx.services, id);
  }
}
