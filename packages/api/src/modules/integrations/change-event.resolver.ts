import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ChangeEvent } from "./change-event.entity.js";
import { Service } from "./integration.entity.js";
import { Incident } from "../incidents/index.js";
import { changeEventLoaders, listChangeEvents } from "./change-events.js";
import { Allow } from "../../platform/access/decorators.js";
import { STAFF } from "../../platform/access/roles.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";

@Resolver(() => ChangeEvent)
export class ChangeEventResolver {
  @Allow(...STAFF)
  @Query(() => [ChangeEvent], {
    description:
      "A service's change events (POST /v2/change/enqueue), newest first by timestamp: at most 100; `since` keeps those at or after it",
  })
  changeEvents(
    @Arg("serviceId", () => ID) serviceId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("since", () => Date, { nullable: true }) since?: Date,
  ) {
    return listChangeEvents(ctx.services, serviceId, since);
  }

  @FieldResolver(() => Service, { description: "The service whose integration received it" })
  async service(@Root() event: ChangeEvent, @Ctx() ctx: GraphQLContext): Promise<Service> {
    // The foreign key cascades: a change event's service exists as long as it does.
    return (await changeEventLoaders(ctx.services).service.load(event.serviceId))!;
  }
}

/** Incidents are a lower module: the field that ties them to change events lives here (integrations.access.ts). */
@Resolver(() => Incident)
export class IncidentChangesResolver {
  @FieldResolver(() => [ChangeEvent], {
    description:
      "Staff only: change events of the services whose alerts opened the incident, from 24 hours before it was reported up to now; newest first, at most 20",
  })
  recentChanges(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    return changeEventLoaders(ctx.services).recentChangesOfIncident.load(incident.id);
  }
}
