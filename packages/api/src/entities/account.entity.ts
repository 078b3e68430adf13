import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

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

  @Column("text")
  tier: string;

  /** A calendar date (YYYY-MM-DD); contract years run from its anniversaries. */
  @Column("date", { name: "subscription_start_date" })
  subscriptionStartDate: string;

  @Column("text", { array: true, default: () => "'{}'" })
  products: string[];

  @Field(() => String)
  @Column("text", { default: "UTC" })
  timezone: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
