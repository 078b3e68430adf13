import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Organization } from "../admin/organization.entity.js";
import {
  Escalation,
  EscalationPage,
  EscalationPolicy,
  OncallSchedule,
  ScheduleLayer,
  ScheduleOverride,
} from "./oncall.entity.js";
import { Ticket } from "../support/ticket.entity.js";
import { User } from "../admin/user.entity.js";
import { escalateTicket, escalationsOf, pagesOf } from "../support/escalations.js";
import {
  addScheduleOverride,
  createEscalationPolicy,
  createSchedule,
  getEscalationPolicy,
  getSchedule,
  layersOf,
  listEscalationPolicies,
  listSchedules,
  onCall,
  overridesOf,
  removeScheduleOverride,
  setUserManager,
} from "./oncall.js";
import { Allow, STAFF } from "../../platform/access/decorators.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import {
  AddScheduleOverrideInput,
  CreateEscalationPolicyInput,
  CreateScheduleInput,
  EscalateTicketInput,
  EscalationLevelView,
  OnCallEntryView,
} from "./oncall.types.js";
import { LayerRestrictionView } from "./oncall.entity.js";

const WRITERS = ["ADMIN", "RESPONDER", "SUPPORT_AGENT"] as const;

async function users(ctx: GraphQLContext, ids: readonly string[]): Promise<User[]> {
  const found = await ctx.services.loaders.user.loadMany(ids);
  return found.filter((u): u is User => u instanceof User);
}

@Resolver(() => OncallSchedule)
export class ScheduleResolver {
  @Allow(...STAFF)
  @Query(() => [OncallSchedule])
  schedules(@Ctx() ctx: GraphQLContext) {
    return listSchedules(ctx.services);
  }

  @Allow(...STAFF)
  @Query(() => OncallSchedule, { nullable: true })
  schedule(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getSchedule(ctx.services, id);
  }

  @Allow("ADMIN")
  @Mutation(() => OncallSchedule)
  createSchedule(@Arg("input", () => CreateScheduleInput) input: CreateScheduleInput, @Ctx() ctx: GraphQLContext) {
    return createSchedule(ctx.services, input);
  }

  @Allow(...WRITERS)
  @Mutation(() => ScheduleOverride, { description: "Someone covers the schedule for a while; beats every layer" })
  addScheduleOverride(
    @Arg("scheduleId", () => ID) scheduleId: string,
    @Arg("input", () => AddScheduleOverrideInput) input: AddScheduleOverrideInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return addScheduleOverride(ctx.services, scheduleId, input);
  }

  @Allow(...WRITERS)
  @Mutation(() => Boolean)
  removeScheduleOverride(@Arg("overrideId", () => ID) overrideId: string, @Ctx() ctx: GraphQLContext) {
    return removeScheduleOverride(ctx.services, overrideId);
  }

  @Allow(...STAFF)
  @Query(() => [OnCallEntryView], {
    description: "Who is on call at `at` (default now): on a schedule, on each level of a policy, or everywhere",
  })
  async onCall(
    @Ctx() ctx: GraphQLContext,
    @Arg("scheduleId", () => ID, { nullable: true }) scheduleId?: string,
    @Arg("escalationPolicyId", () => ID, { nullable: true }) escalationPolicyId?: string,
    @Arg("at", () => Date, { nullable: true }) at?: Date,
  ): Promise<OnCallEntryView[]> {
    const entries = await onCall(ctx.services, scheduleId, escalationPolicyId, at);
    return Promise.all(
      entries.map(async (e) => ({
        user: (await ctx.services.loaders.user.load(e.userId))!,
        schedule: e.scheduleId ? await getSchedule(ctx.services, e.scheduleId) : null,
        escalationPolicy: e.escalationPolicyId ? await getEscalationPolicy(ctx.services, e.escalationPolicyId) : null,
        escalationLevel: e.escalationLevel,
        source: e.source,
      })),
    );
  }

  @FieldResolver(() => [ScheduleLayer])
  layers(@Root() schedule: OncallSchedule, @Ctx() ctx: GraphQLContext) {
    return layersOf(ctx.services, schedule.id);
  }

  @FieldResolver(() => [ScheduleOverride])
  overrides(@Root() schedule: OncallSchedule, @Ctx() ctx: GraphQLContext) {
    return overridesOf(ctx.services, schedule.id);
  }
}

@Resolver(() => ScheduleLayer)
export class ScheduleLayerResolver {
  @FieldResolver(() => [User], { description: "In rotation order" })
  users(@Root() layer: ScheduleLayer, @Ctx() ctx: GraphQLContext) {
    return users(ctx, layer.userIds);
  }

  @FieldResolver(() => [LayerRestrictionView])
  restrictionWindows(@Root() layer: ScheduleLayer): LayerRestrictionView[] {
    return layer.restrictions.map((r) => ({
      weekday: r.weekday ?? null,
      startTimeOfDay: r.startTimeOfDay,
      durationSeconds: r.durationSeconds,
    }));
  }
}

@Resolver(() => ScheduleOverride)
export class ScheduleOverrideResolver {
  @FieldResolver(() => User)
  user(@Root() override: ScheduleOverride, @Ctx() ctx: GraphQLContext) {
    return ctx.services.loaders.user.load(override.userId);
  }
}

@Resolver(() => EscalationPolicy)
export class EscalationPolicyResolver {
  @Allow(...STAFF)
  @Query(() => [EscalationPolicy])
  escalationPolicies(@Ctx() ctx: GraphQLContext) {
    return listEscalationPolicies(ctx.services);
  }

  @Allow("ADMIN")
  @Mutation(() => EscalationPolicy)
  createEscalationPolicy(
    @Arg("input", () => CreateEscalationPolicyInput) input: CreateEscalationPolicyInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return createEscalationPolicy(ctx.services, input);
  }

  @FieldResolver(() => [EscalationLevelView])
  async levels(@Root() policy: EscalationPolicy, @Ctx() ctx: GraphQLContext): Promise<EscalationLevelView[]> {
    return Promise.all(
      policy.levels.map(async (level, index) => ({
        level: index + 1,
        timeoutMinutes: level.timeoutMinutes,
        targets: await Promise.all(
          level.targets.map(async (t) =>
            t.kind === "user"
              ? { user: await ctx.services.loaders.user.load(t.userId), schedule: null, manager: false }
              : t.kind === "schedule"
                ? { user: null, schedule: await getSchedule(ctx.services, t.scheduleId), manager: false }
                : { user: null, schedule: null, manager: true },
          ),
        ),
      })),
    );
  }
}

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
    return escalation.acknowledgedById ? ctx.services.loaders.user.load(escalation.acknowledgedById) : null;
  }
}

@Resolver(() => EscalationPage)
export class EscalationPageResolver {
  @FieldResolver(() => User)
  user(@Root() page: EscalationPage, @Ctx() ctx: GraphQLContext) {
    return ctx.services.loaders.user.load(page.userId);
  }
}

@Resolver(() => Ticket)
export class TicketEscalationResolver {
  @FieldResolver(() => [Escalation], { description: "Newest first" })
  escalations(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return escalationsOf(ctx.services, ticket.id);
  }
}

@Resolver(() => User)
export class UserManagerResolver {
  @Allow("ADMIN")
  @Mutation(() => User, { description: "The user's manager (null clears): the last escalation point" })
  setUserManager(
    @Arg("userId", () => ID) userId: string,
    @Arg("managerId", () => ID, { nullable: true }) managerId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return setUserManager(ctx.services, userId, managerId);
  }

  @FieldResolver(() => User, { nullable: true })
  manager(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return user.managerId ? ctx.services.loaders.user.load(user.managerId) : null;
  }
}

@Resolver(() => Organization)
export class OrganizationOnCallResolver {
  @FieldResolver(() => OncallSchedule, { nullable: true, description: "The liaison comes from this schedule" })
  liaisonSchedule(@Root() org: Organization, @Ctx() ctx: GraphQLContext) {
    return org.liaisonScheduleId ? getSchedule(ctx.services, org.liaisonScheduleId) : null;
  }

  @FieldResolver(() => EscalationPolicy, { nullable: true })
  defaultEscalationPolicy(@Root() org: Organization, @Ctx() ctx: GraphQLContext) {
    return org.defaultEscalationPolicyId ? getEscalationPolicy(ctx.services, org.defaultEscalationPolicyId) : null;
  }
}
