import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Alert, Integration, Service } from "./integration.entity.js";
import { EscalationPolicy } from "../on-call/index.js";
import { Ticket } from "../support/index.js";
import {
  alertTicket,
  createIntegration,
  createService,
  integrationsOf,
  listAlerts,
  listServices,
  serviceEscalationPolicy,
} from "./alerts.js";
import { Allow } from "../../platform/access/decorators.js";
import { STAFF } from "../../platform/access/roles.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { AlertConnection, CreateIntegrationInput, CreateServiceInput } from "./integration.types.js";

@Resolver(() => Service)
export class ServiceResolver {
  @Allow(...STAFF)
  @Query(() => [Service])
  services(@Ctx() ctx: GraphQLContext) {
    return listServices(ctx.services);
  }

  @Allow("ADMIN")
  @Mutation(() => Service)
  createService(@Arg("input", () => CreateServiceInput) input: CreateServiceInput, @Ctx() ctx: GraphQLContext) {
    return createService(ctx.services, input);
  }

  @Allow("ADMIN")
  @Mutation(() => Integration, { description: "A routing key for POST /v2/enqueue (PagerDuty Events API v2)" })
  createIntegration(
    @Arg("input", () => CreateIntegrationInput) input: CreateIntegrationInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return createIntegration(ctx.services, input);
  }

  @FieldResolver(() => [Integration])
  integrations(@Root() service: Service, @Ctx() ctx: GraphQLContext) {
    return integrationsOf(ctx.services, service.id);
  }

  @FieldResolver(() => EscalationPolicy, { nullable: true })
  escalationPolicy(@Root() service: Service, @Ctx() ctx: GraphQLContext) {
    return serviceEscalationPolicy(ctx.services, service);
  }
}

@Resolver(() => Alert)
export class AlertResolver {
  @Allow(...STAFF)
  @Query(() => AlertConnection, { description: "Alerts from the Events API, newest first" })
  alerts(
    @Ctx() ctx: GraphQLContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listAlerts(ctx.services, first, after);
  }

  @FieldResolver(() => Ticket, { nullable: true })
  ticket(@Root() alert: Alert, @Ctx() ctx: GraphQLContext) {
    return alertTicket(ctx.services, alert);
  }
}
