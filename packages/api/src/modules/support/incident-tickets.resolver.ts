import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Incident } from "../incidents/index.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { Ticket } from "./ticket.entity.js";
import { ticketsOfIncident } from "./tickets.js";

/** Incident.linkedTickets lives here: tickets sit above incidents in the module order. Staff only (incidents.access.ts). */
@Resolver(() => Incident)
export class IncidentTicketsResolver {
  @FieldResolver(() => [Ticket], { description: "Tickets linked to the incident, oldest first; staff only" })
  linkedTickets(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    return ticketsOfIncident(ctx.services, incident);
  }
}
