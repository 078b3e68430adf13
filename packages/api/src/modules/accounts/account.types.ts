import { Field, InputType } from "type-graphql";
import { z } from "zod";
import { PRODUCTS, SERVICE_TIERS, isValidTimeZone, type Product, type ServiceTier } from "@liaison/domain";
import { Account } from "./account.entity.js";
import { ProductEnum, ServiceTierEnum } from "./account.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";
import { LIMITS, LocalDate, Name } from "../../platform/validation.js";

export const TimeZone = z.string().refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin");
/** A set of products, kept in the contract's order so equal sets read the same. */
const Products = z
  .array(z.enum(PRODUCTS))
  .max(50)
  .transform((list): Product[] => PRODUCTS.filter((p) => list.includes(p)));

@InputType()
export class CreateAccountInput {
  static readonly schema = z.object({
    name: Name(LIMITS.name),
    tier: z.enum(SERVICE_TIERS),
    subscriptionStartDate: LocalDate,
    products: Products,
    timezone: TimeZone.nullish().transform((tz) => tz ?? "UTC"),
  });

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
  static readonly schema = z.object({
    name: Name(LIMITS.name).nullish(),
    tier: z.enum(SERVICE_TIERS).nullish(),
    subscriptionStartDate: LocalDate.nullish(),
    products: Products.nullish(),
    timezone: TimeZone.nullish(),
  });

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
