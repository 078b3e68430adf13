import { adminLoaders } from "../admin/index.js";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { EscalationPolicy, OncallSchedule, ScheduleLayer, ScheduleOverride } from "./oncall.entity.js";
import { User } from "../admin/index.js";
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
} from "./oncall.js";
import { Allow } from "../../platform/access/decorators.js";
import { STAFF } from "../../platform/access/roles.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import {
  AddScheduleOverrideInput,
  CreateEscalationPolicyInput,
  CreateScheduleInput,
  EscalationLevelView,
  OnCallEntryView,
} from "./oncall.types.js";
import { LayerRestrictionView } from "./oncall.entity.js";

const WRITERS = ["ADMIN", "RESPONDER", "SUPPORT_AGENT"] as const;

async function users(ctx: GraphQLContext, ids: readonly string[]): Promise<User[]> {
  const found = await adminLoaders(ctx.services).user.loadMany(ids);
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
        user: (await adminLoaders(ctx.services).user.load(e.userId))!,
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
    return adminLoaders(ctx.services).user.load(override.userId);
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
              ? { user: await adminLoaders(ctx.services).user.load(t.userId), schedule: null, manager: false }
              : t.kind === "schedule"
                ? { user: null, schedule: await getSchedule(ctx.services, t.scheduleId), manager: false }
                : { user: null, schedule: null, manager: true },
          ),
        ),
      })),
    );
  }
}
