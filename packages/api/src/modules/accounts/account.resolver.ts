import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Account, AccountTierChange } from "./account.entity.js";
import { accountLoaders } from "./account-loaders.js";
import { ACCOUNT_READERS, createAccount, getAccount, listAccounts, updateAccount } from "./accounts.js";
import { Allow } from "../../platform/access/decorators.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { AccountConnection, CreateAccountInput, UpdateAccountInput } from "./account.types.js";

@Resolver(() => Account)
export class AccountResolver {
  @Allow("ADMIN")
  @Mutation(() => Account)
  createAccount(@Arg("input", () => CreateAccountInput) input: CreateAccountInput, @Ctx() ctx: GraphQLContext) {
    return createAccount(ctx.services, input);
  }

  @Allow("ADMIN")
  @Mutation(() => Account, { description: "A change of tier takes effect now and is kept in tierHistory" })
  updateAccount(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateAccountInput) input: UpdateAccountInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateAccount(ctx.services, id, input);
  }

  @Allow(...ACCOUNT_READERS)
  @Query(() => Account, { nullable: true, description: "A customer may ask for their own account only (FORBIDDEN)" })
  account(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getAccount(ctx.services, id);
  }

  @Allow(...ACCOUNT_READERS)
  @Query(() => AccountConnection, { description: "By name; a customer sees their own account only" })
  accounts(
    @Ctx() ctx: GraphQLContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listAccounts(ctx.services, first, after);
  }

  @FieldResolver(() => [AccountTierChange], { description: "Every change of tier, oldest first" })
  tierHistory(@Root() account: Account, @Ctx() ctx: GraphQLContext) {
    return accountLoaders(ctx.services).tierHistory.load(account.id);
  }
}
