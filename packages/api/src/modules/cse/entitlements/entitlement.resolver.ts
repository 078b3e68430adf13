import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Account, ACCOUNT_READERS, accountLoaders } from "../../accounts/index.js";
import { Allow, Public } from "../../../platform/access/decorators.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";
import { getEntitlements, listCseActivities } from "./entitlements.js";
import { CseActivityDetails, EntitlementSummary } from "./entitlement.types.js";

@Resolver(() => EntitlementSummary)
export class EntitlementSummaryResolver {
  @Allow(...ACCOUNT_READERS)
  @Query(() => EntitlementSummary, {
    description: "Caps, use and what is left in the contract year holding `at` (default now)",
  })
  entitlements(
    @Arg("accountId", () => ID) accountId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("at", () => Date, { nullable: true }) at?: Date,
  ) {
    return getEntitlements(ctx.services, accountId, at);
  }

  @Public()
  @Query(() => [CseActivityDetails], { description: "The CSE usage policy's activities, in its order" })
  cseActivities() {
    return listCseActivities();
  }
  @FieldResolver(() => Account)
  account(@Root() summary: EntitlementSummary, @Ctx() ctx: GraphQLContext) {
    return accountLoaders(ctx.services).account.load(summary.accountId);
  }
}
