import { adminLoaders } from "../admin/index.js";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Account } from "../accounts/index.js";
import { Incident } from "../incidents/index.js";
import { SlaPolicyRow } from "./sla/sla-policy.entity.js";
import { Ticket, TicketMessage } from "./ticket.entity.js";
import { User } from "../admin/index.js";
import { listSlaPolicies, updateSlaPolicy } from "./sla/sla-policies.js";
import { listTickets } from "./ticket-queries.js";
import { ticketSla } from "./sla/ticket-sla.js";
import { Escalation } from "./escalation/escalation.entity.js";
import { escalationsOf } from "./escalation/escalations.js";
import {
  getTicket,
  linkTicketToIncident,
  openTicket,
  respondToTicket,
  ticketAccount,
  ticketIncident,
  ticketMessages,
  updateTicket,
} from "./tickets.js";
import { Allow } from "../../platform/access/decorators.js";
import { STAFF } from "../../platform/access/roles.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import type { TicketPriority } from "@liaison/domain";
import { TicketPriorityEnum } from "./support.enums.js";
import {
  OpenTicketInput,
  RespondToTicketInput,
  SlaPolicyView,
  TicketConnection,
  TicketFilter,
  TicketSla,
  UpdateSlaPolicyInput,
  UpdateTicketInput,
} from "./ticket.types.js";

const EVERYONE = [...STAFF, "CUSTOMER" as const];
const TICKET_WRITERS = ["ADMIN", "RESPONDER", "SUPPORT_AGENT"] as const;

function toView(row: SlaPolicyRow): SlaPolicyView {
  const s = row.schedule;
  return {
    priority: row.priority,
    firstResponseMinutes: row.firstResponseMinutes,
    nextResponseMinutes: row.nextResponseMinutes,
    schedule:
      s.kind === "24x7"
        ? { kind: "TWENTY_FOUR_SEVEN", timezone: null, weekly: [], holidays: [] }
        : { kind: "BUSINESS_HOURS", timezone: s.timezone, weekly: [...s.weekly], holidays: [...s.holidays] },
  };
}

@Resolver(() => Ticket)
export class TicketResolver {
  @Allow(...EVERYONE)
  @Query(() => Ticket, { nullable: true, description: "Customers see their own account's tickets only" })
  ticket(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getTicket(ctx.services, id);
  }

  @Allow(...EVERYONE)
  @Query(() => TicketConnection, { description: "Newest first" })
  tickets(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => TicketFilter, { nullable: true }) filter?: TicketFilter,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listTickets(ctx.services, filter, first, after);
  }

  @Allow(...EVERYONE)
  @Mutation(() => Ticket)
  openTicket(@Arg("input", () => OpenTicketInput) input: OpenTicketInput, @Ctx() ctx: GraphQLContext) {
    return openTicket(ctx.services, input);
  }

  @Allow(...EVERYONE)
  @Mutation(() => Ticket, {
    description: "A reply (or an internal note); an agent's first public reply stops the first-response clock",
  })
  respondToTicket(
    @Arg("ticketId", () => ID) ticketId: string,
    @Arg("input", () => RespondToTicketInput) input: RespondToTicketInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return respondToTicket(ctx.services, ticketId, input);
  }

  @Allow(...TICKET_WRITERS)
  @Mutation(() => Ticket)
  updateTicket(
    @Arg("ticketId", () => ID) ticketId: string,
    @Arg("input", () => UpdateTicketInput) input: UpdateTicketInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateTicket(ctx.services, ticketId, input);
  }

  @Allow(...TICKET_WRITERS)
  @Mutation(() => Ticket, {
    description: "Links the ticket to an incident (null unlinks); the incident's linkedAccountCount follows",
  })
  linkTicketToIncident(
    @Arg("ticketId", () => ID) ticketId: string,
    @Arg("incidentId", () => ID, { nullable: true }) incidentId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return linkTicketToIncident(ctx.services, ticketId, incidentId);
  }

  @Allow(...STAFF)
  @Query(() => [SlaPolicyView])
  async slaPolicies(@Ctx() ctx: GraphQLContext) {
    return (await listSlaPolicies(ctx.services)).map(toView);
  }

  @Allow("ADMIN")
  @Mutation(() => SlaPolicyView, { description: "Applies to tickets opened (or re-prioritized) from now on" })
  async updateSlaPolicy(
    @Arg("priority", () => TicketPriorityEnum) priority: TicketPriority,
    @Arg("input", () => UpdateSlaPolicyInput) input: UpdateSlaPolicyInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toView(await updateSlaPolicy(ctx.services, priority, input));
  }

  @FieldResolver(() => Account)
  account(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return ticketAccount(ctx.services, ticket);
  }

  @FieldResolver(() => Incident, { nullable: true })
  incident(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return ticketIncident(ctx.services, ticket);
  }

  @FieldResolver(() => User, { nullable: true })
  requester(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return ticket.requesterId ? adminLoaders(ctx.services).user.load(ticket.requesterId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "The ticket's owner: warned before its SLA runs out" })
  assignee(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return ticket.assigneeId ? adminLoaders(ctx.services).user.load(ticket.assigneeId) : null;
  }

  @FieldResolver(() => TicketSla)
  sla(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): TicketSla {
    return ticketSla(ticket, ctx.services.clock.now());
  }

  @FieldResolver(() => Int, { nullable: true, description: "Staff only" })
  slaFirstResponseMinutes(@Root() ticket: Ticket) {
    return ticket.slaFirstResponseMinutes;
  }

  @FieldResolver(() => [TicketMessage], { description: "Oldest first; customers do not see internal notes" })
  messages(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return ticketMessages(ctx.services, ticket);
  }
  @FieldResolver(() => [Escalation], { description: "Newest first" })
  escalations(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return escalationsOf(ctx.services, ticket.id);
  }
}
