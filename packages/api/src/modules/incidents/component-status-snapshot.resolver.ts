import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Component, componentLoaders } from "../components/index.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { ComponentStatusSnapshot } from "./incident-update.entity.js";

@Resolver(() => ComponentStatusSnapshot)
export class ComponentStatusSnapshotResolver {
  @FieldResolver(() => Component, { description: "The component whose status this set (components are never deleted)" })
  async component(@Root() snapshot: ComponentStatusSnapshot, @Ctx() ctx: GraphQLContext): Promise<Component> {
    const component = await componentLoaders(ctx.services).component.load(snapshot.componentId);
    if (!component) throw new Error(`component ${snapshot.componentId} of a status snapshot is missing`);
    return component;
  }
}
