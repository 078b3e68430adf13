import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow, Public } from "../../platform/access/decorators.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { Component } from "./component.entity.js";
import { createComponent, listComponents, updateComponent } from "./components.js";
import { CreateComponentInput, UpdateComponentInput, UptimeDay } from "./component.types.js";
import { componentUptime, uptimeCost } from "./uptime.js";

@Resolver(() => Component)
export class ComponentResolver {
  @Public()
  @Query(() => [Component])
  async components(@Ctx() ctx: GraphQLContext) {
    return listComponents(ctx.services.db.manager);
  }

  @Allow("ADMIN")
  @Mutation(() => Component)
  createComponent(@Arg("input", () => CreateComponentInput) input: CreateComponentInput, @Ctx() ctx: GraphQLContext) {
    return createComponent(ctx.services, input);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => Component)
  updateComponent(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateComponentInput) input: UpdateComponentInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateComponent(ctx.services, id, input);
  }

  @FieldResolver(() => [UptimeDay], {
    description:
      "Per-day uptime over the last `days` days of the page's time zone, oldest first, today so far last; " +
      "from the recorded status history, scheduled maintenance left out",
    complexity: ({ args, childComplexity }) => uptimeCost(args["days"], childComplexity),
  })
  uptime(
    @Root() component: Component,
    @Ctx() ctx: GraphQLContext,
    @Arg("days", () => Int, { defaultValue: 90 }) days: number,
  ) {
    return componentUptime(ctx.services, component.id, days);
  }
}
