import { adminLoaders } from "./admin.loaders.js";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, FieldResolver, Root } from "type-graphql";
import { User } from "./user.entity.js";
import { isStaff } from "../../platform/access/viewer.js";
import { createApiToken, createUser, revokeApiToken, setUserManager, setUserTimezone } from "./users.js";
import { Allow } from "../../platform/access/decorators.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { CreatedUser, CreateUserInput, RevokeApiTokenInput, UserConnection, UserFilter } from "./admin.types.js";
import { listUsers } from "./user-queries.js";
import { Account, accountLoaders } from "../accounts/index.js";
import { STAFF } from "../../platform/access/roles.js";

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
    return viewer ? adminLoaders(ctx.services).user.load(viewer.userId) : null;
  }

  @Allow(...STAFF)
  @Query(() => UserConnection, { description: "People, alphabetically by name: staff look up whom to assign or call" })
  users(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listUsers(ctx.services, filter, first, after);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: "A CUSTOMER's account (null for staff); visible to staff and to the users of that account",
  })
  account(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    if (!user.accountId) return null;
    if (!isStaff(ctx.viewer) && ctx.viewer?.accountId !== user.accountId) return null;
    return accountLoaders(ctx.services).account.load(user.accountId);
  }

  @FieldResolver(() => String, { nullable: true, description: "Visible to staff and to the user themself" })
  email(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return isStaff(ctx.viewer) || ctx.viewer?.userId === user.id ? user.email : null;
  }
  @Allow("ADMIN")
  @Mutation(() => User, { description: "The user's manager (null clears): the last escalation point" })
  setUserManager(
    @Arg("userId", () => ID) userId: string,
    @Arg("managerId", () => ID, { nullable: true }) managerId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return setUserManager(ctx.services, userId, managerId);
  }

  @Allow("ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER")
  @Mutation(() => User, {
    description:
      "Where the times in the user's reminders and pages are written (null: the organization's). ADMIN, or the user themself",
  })
  setUserTimezone(
    @Arg("userId", () => ID) userId: string,
    @Arg("timezone", () => String, { nullable: true }) timezone: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return setUserTimezone(ctx.services, userId, timezone);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Their own IANA time zone, null when they follow the organization's; visible to staff and the user themself",
  })
  timezone(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return isStaff(ctx.viewer) || ctx.viewer?.userId === user.id ? user.timezone : null;
  }

  @FieldResolver(() => User, { nullable: true })
  manager(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return user.managerId ? adminLoaders(ctx.services).user.load(user.managerId) : null;
  }
}
