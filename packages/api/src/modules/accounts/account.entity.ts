import { CreatedAtColumn, IdColumn, TextColumn, TimestampColumn, UpdatedAtColumn } from "../../platform/db/columns.js";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import type { Product, ServiceTier } from "@liaison/domain";
import { ProductEnum, ServiceTierEnum } from "./account.enums.js";

/** A customer account: what its support plan entitles it to. */
@ObjectType()
@Entity("account")
export class Account {
  @IdColumn()
  id: string;

  @TextColumn()
  name: string;

  @Field(() => ServiceTierEnum, { description: "The tier in force now; tierHistory has every change" })
  @Column("text")
  tier: ServiceTier;

  /** A calendar date (YYYY-MM-DD); contract years run from its anniversaries. */
  @Field(() => String, { description: "A calendar date, YYYY-MM-DD; contract years run from its anniversaries" })
  @Column("date", { name: "subscription_start_date" })
  subscriptionStartDate: string;

  @Field(() => [ProductEnum])
  @Column("text", { array: true, default: () => "'{}'" })
  products: Product[];

  @Field(() => String, { description: "IANA time zone; contract years start at local midnight" })
  @Column("text", { default: "UTC" })
  timezone: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

/** One entry of an account's tier history: the tier in force from `effectiveFrom` until the next change. */
@ObjectType()
@Entity("account_tier_change")
export class AccountTierChange {
  @Column("bigint", { primary: true, generated: "increment" })
  id: string;

  @Column("uuid", { name: "account_id" })
  accountId: string;

  @Field(() => ServiceTierEnum)
  @Column("text")
  tier: ServiceTier;

  @TimestampColumn("effective_from")
  effectiveFrom: Date;

  @Column("uuid", { name: "changed_by_id", nullable: true })
  changedById: string | null;
}
