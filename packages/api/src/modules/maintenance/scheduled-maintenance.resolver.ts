import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Component } from "../components/index.js";
import { ScheduledMaintenance, ScheduledMaintenanceUpdate } from "./scheduled-maintenance.entity.js";
import {
  cancelScheduledMaintenance,
  completeScheduledMaintenance,
  componentsOfMaintenance,
  createScheduledMaintenance,
  getScheduledMaintenance,
  listScheduledMaintenances,
  startScheduledMaintenance,
  updateScheduledMaintenance,
  updatesOfMaintenance,
} from "./scheduled-maintenance.js";
import { Allow, Public } from "../../platform/access/decorators.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import {
  CreateScheduledMaintenanceInput,
  ScheduledMaintenanceConnection,
  ScheduledMaintenanceFilter,
  UpdateScheduledMaintenanceInput,
} from "./scheduled-maintenance.types.js";

@Resolver(() => ScheduledMaintenance)
export class ScheduledMaintenanceResolver {
  @Public()
  @Query(() => ScheduledMaintenance, { nullable: true })
  scheduledMaintenance(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getScheduledMaintenance(ctx.services, id);
  }

  @Public()
  @Query(() => ScheduledMaintenanceConnection, { description: "Latest window first" })
  scheduledMaintenances(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => ScheduledMaintenanceFilter, { nullable: true }) filter?: ScheduledMaintenanceFilter,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listScheduledMaintenances(ctx.services, filter, first, after);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => ScheduledMaintenance)
  createScheduledMaintenance(
    @Arg("input", () => CreateScheduledMaintenanceInput) input: CreateScheduledMaintenanceInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return createScheduledMaintenance(ctx.services, input);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => ScheduledMaintenance, { description: "Components can change only before the window starts" })
  updateScheduledMaintenance(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateScheduledMaintenanceInput) input: UpdateScheduledMaintenanceInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateScheduledMaintenance(ctx.services, id, input);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => ScheduledMaintenance, { description: "Its components show UNDER_MAINTENANCE until it completes" })
  startScheduledMaintenance(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("message", () => String, { nullable: true }) message?: string,
  ) {
    return startScheduledMaintenance(ctx.services, id, message);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => ScheduledMaintenance, { description: "Its components return to the status they had before" })
  completeScheduledMaintenance(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("message", () => String, { nullable: true }) message?: string,
  ) {
    return completeScheduledMaintenance(ctx.services, id, message);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => ScheduledMaintenance, { description: "Only a window that has not started" })
  cancelScheduledMaintenance(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("message", () => String, { nullable: true }) message?: string,
  ) {
    return cancelScheduledMaintenance(ctx.services, id, message);
  }

  @FieldResolver(() => [Component])
  components(@Root() maintenance: ScheduledMaintenance, @Ctx() ctx: GraphQLContext) {
    return componentsOfMaintenance(ctx.services, maintenance);
  }

  @FieldResolver(() => [ScheduledMaintenanceUpdate], { description: "Newest first" })
  updates(@Root() maintenance: ScheduledMaintenance, @Ctx() ctx: GraphQLContext) {
    return updatesOfMaintenance(ctx.services, maintenance);
  }
}
