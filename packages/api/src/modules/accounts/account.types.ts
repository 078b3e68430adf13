import { Field, InputType } from "type-graphql";
import type { Product, ServiceTier } from "@liaison/domain";
import { Account } from "./account.entity.js";
import { ProductEnum, ServiceTierEnum } from "./account.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";

@InputType()
export class CreateAccountInput {
  @Field(() => String)
  name: string;

  @Field(() => ServiceTierEnum)
  tier: ServiceTier;

  @Field(() => String, { description: "A calendar date, YYYY-MM-DD" })
  subscriptionStartDate: string;

  @Field(() => [ProductEnum])
  products: Product[];

  @Field(() => String, { nullable: true, description: "IANA time zone; UTC when left out" })
  timezone?: string | null;
}

@InputType()
export class UpdateAccountInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ServiceTierEnum, {
    nullable: true,
    description: "Takes effect now; sessions already used this contract year still count against the new caps",
  })
  tier?: ServiceTier | null;

  @Field(() => String, { nullable: true })
  subscriptionStartDate?: string | null;

  @Field(() => [ProductEnum], { nullable: true })
  products?: Product[] | null;

  @Field(() => String, { nullable: true })
  timezone?: string | null;
}

export const AccountConnection = connectionOf(Account, "Account");
