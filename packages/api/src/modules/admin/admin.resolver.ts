import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, FieldResolver, Root } from "type-graphql";
import { Component } from "../components/component.entity.js";
import { ConferenceBridge, Organization } from "./organization.entity.js";
import { User } from "./user.entity.js";
import { isStaff } from "../../platform/access/viewer.js";
import { createComponent, updateComponent } from "../components/components.js";
import { updateOrganization } from "./organization.js";
import { createApiToken, createUser, revokeApiToken } from "./users.js";
import { Allow, Public, STAFF } from "../../platform/access/decorators.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import {
  CreateComponentInput,
  CreatedUser,
  CreateUserInput,
  RevokeApiTokenInput,
  UpdateComponentInput,
  UpdateOrganizationInput,
} from "./admin.types.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Allow(...STAFF)
  @Query(() => Organization)
  organization(@Ctx() ctx: GraphQLContext) {
    return ctx.services.loaders.organization();
  }

  @Allow("ADMIN")
  @Mutation(() => Organization)
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
    const users = await ctx.services.loaders.user.loadMany(org.liaisonUserIds);
    return users.filter((u): u is User => u instanceof User);
  }
}

@Resolver(() => User)
export class UserResolver {
  @Allow("ADMIN")
  @Mutation(() => CreatedUser)
  createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext) {
    return createUser(ctx.services, input);
  }

  @Allow("ADMIN")
  @Mutation(() => String, { description: "A new token for the user, shown once" })
  createApiToken(
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("label", () => String, { nullable: true }) label?: string,
  ) {
    return createApiToken(ctx.services, userId, label);
  }

  @Allow("ADMIN")
  @Mutation(() => Int, { description: "How many tokens were revoked" })
  revokeApiToken(@Arg("input", () => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() ctx: GraphQLContext) {
    return revokeApiToken(ctx.services, input);
  }

  @Allow("ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER")
  @Query(() => User, { description: "The signed-in user" })
  me(@Ctx() ctx: GraphQLContext) {
    const viewer = ctx.viewer;
    return viewer ? ctx.services.loaders.user.load(viewer.userId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Visible to staff and to the user themself" })
  email(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return isStaff(ctx.viewer) || ctx.viewer?.userId === user.id ? user.email : null;
  }
}

@Resolver(() => Component)
export class ComponentResolver {
  @Public()
  @Query(() => [Component])
  async components(@Ctx() ctx: GraphQLContext) {
    return (await ctx.services.statusPage()).components;
  }

  @Allow("ADMIN")
  @Mutation(() => Component)
  createComponent(@Arg("input", () => CreateComponentInput) input: CreateComponentInput, @Ctx() ctx: GraphQLContext) {
    return createComponent(ctx.services, input);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => Component)
  updateComponent(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateComponentInput) input: UpdateComponentInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateComponent(ctx.services, id, input);
  }
}
