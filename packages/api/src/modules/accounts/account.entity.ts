import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import type { Product, ServiceTier } from "@liaison/domain";
import { ProductEnum, ServiceTierEnum } from "./account.enums.js";

/** A customer account: what its support plan entitles it to. */
@ObjectType()
@Entity("account")
export class Account {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
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

  @Field(() => Date)
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
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

  @Field(() => Date)
  @Column("timestamptz", { name: "effective_from" })
  effectiveFrom: Date;

  @Column("uuid", { name: "changed_by_id", nullable: true })
  changedById: string | null;
}
