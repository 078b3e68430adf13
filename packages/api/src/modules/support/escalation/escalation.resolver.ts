import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { adminLoaders } from "../../admin/index.js";
import { User } from "../../admin/index.js";
import { EscalationPolicy, getEscalationPolicy } from "../../on-call/index.js";
import { Allow } from "../../../platform/access/decorators.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";
import { Escalation, EscalationPage } from "./escalation.entity.js";
import { escalateTicket, pagesOf } from "./escalations.js";
import { EscalateTicketInput } from "./escalation.types.js";

const WRITERS = ["ADMIN", "RESPONDER", "SUPPORT_AGENT"] as const;

@Resolver(() => Escalation)
export class EscalationResolver {
  @Allow(...WRITERS)
  @Mutation(() => Escalation, {
    description: "One click: pages whoever is on call at the policy's first level and climbs until acknowledged",
  })
  escalateTicket(
    @Arg("ticketId", () => ID) ticketId: string,
    @Arg("input", () => EscalateTicketInput) input: EscalateTicketInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return escalateTicket(ctx.services, ticketId, input);
  }

  @FieldResolver(() => EscalationPolicy)
  policy(@Root() escalation: Escalation, @Ctx() ctx: GraphQLContext) {
    return getEscalationPolicy(ctx.services, escalation.policyId);
  }

  @FieldResolver(() => [EscalationPage], { description: "Everyone paged so far, level by level" })
  pages(@Root() escalation: Escalation, @Ctx() ctx: GraphQLContext) {
    return pagesOf(ctx.services, escalation.id);
  }

  @FieldResolver(() => User, { nullable: true })
  acknowledgedBy(@Root() escalation: Escalation, @Ctx() ctx: GraphQLContext) {
    return escalation.acknowledgedById ? adminLoaders(ctx.services).user.load(escalation.acknowledgedById) : null;
  }
}

@Resolver(() => EscalationPage)
export class EscalationPageResolver {
  @FieldResolver(() => User)
  user(@Root() page: EscalationPage, @Ctx() ctx: GraphQLContext) {
    return adminLoaders(ctx.services).user.load(page.userId);
  }
}
