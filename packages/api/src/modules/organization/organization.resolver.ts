import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { adminLoaders, ConferenceBridge, User, type Organization } from "../admin/index.js";
import { EscalationPolicy, getEscalationPolicy, getSchedule, OncallSchedule } from "../on-call/index.js";
import { Allow } from "../../platform/access/decorators.js";
import { STAFF } from "../../platform/access/roles.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { updateOrganization } from "./organization.js";
import { OrganizationView, UpdateOrganizationInput } from "./organization.types.js";

@Resolver(() => OrganizationView)
export class OrganizationResolver {
  @Allow(...STAFF)
  @Query(() => OrganizationView)
  organization(@Ctx() ctx: GraphQLContext) {
    return adminLoaders(ctx.services).organization();
  }

  @Allow("ADMIN")
  @Mutation(() => OrganizationView)
  updateOrganization(
    @Arg("input", () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateOrganization(ctx.services, input);
  }

  @FieldResolver(() => ConferenceBridge, { nullable: true })
  conferenceBridge(@Root() org: Organization): ConferenceBridge | null {
    return org.bridgeUrl ? { url: org.bridgeUrl, dialIn: org.bridgeDialIn } : null;
  }

  @FieldResolver(() => [User], { description: "The liaison roster, in order" })
  async liaisons(@Root() org: Organization, @Ctx() ctx: GraphQLContext) {
    const users = await adminLoaders(ctx.services).user.loadMany(org.liaisonUserIds);
    return users.filter((u): u is User => u instanceof User);
  }

  @FieldResolver(() => OncallSchedule, { nullable: true, description: "The liaison comes from this schedule" })
  liaisonSchedule(@Root() org: Organization, @Ctx() ctx: GraphQLContext) {
    return org.liaisonScheduleId ? getSchedule(ctx.services, org.liaisonScheduleId) : null;
  }

  @FieldResolver(() => OncallSchedule, {
    nullable: true,
    description: "The playbook's commander comes from this schedule",
  })
  commanderSchedule(@Root() org: Organization, @Ctx() ctx: GraphQLContext) {
    return org.commanderScheduleId ? getSchedule(ctx.services, org.commanderScheduleId) : null;
  }

  @FieldResolver(() => EscalationPolicy, { nullable: true })
  defaultEscalationPolicy(@Root() org: Organization, @Ctx() ctx: GraphQLContext) {
    return org.defaultEscalationPolicyId ? getEscalationPolicy(ctx.services, org.defaultEscalationPolicyId) : null;
  }
}
