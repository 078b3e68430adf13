import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A customer account: what its support plan entitles it to. */
@Entity("account")
export class Account {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("text")
  name: string;

  @Column("text")
  tier: string;

  /** A calendar date (YYYY-MM-DD); contract years run from its anniversaries. */
  @Column("date", { name: "subscription_start_date" })
  subscriptionStartDate: string;

  @Column("text", { array: true, default: () => "'{}'" })
  products: string[];

  @Column("text", { default: "UTC" })
  timezone: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
