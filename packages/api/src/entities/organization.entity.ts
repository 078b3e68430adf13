import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";

@ObjectType()
export class ConferenceBridge {
  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  dialIn: string | null;
}

/** Liaison is single-tenant: one organization row, created by the first migration. */
@ObjectType()
@Entity("organization")
export class Organization {
  @Field(() => ID)
  @PrimaryColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => String, { description: "IANA time zone used for business days" })
  @Column("text", { default: "UTC" })
  timezone: string;

  @Field(() => [String], { description: "Extra non-business dates (YYYY-MM-DD)" })
  @Column("text", { array: true, default: () => "'{}'" })
  holidays: string[];

  @Field(() => String, { nullable: true, description: "Public holidays of this region count as non-business days" })
  @Column("text", { name: "holiday_region", nullable: true })
  holidayRegion: string | null;

  @Column("text", { name: "bridge_url", nullable: true })
  bridgeUrl: string | null;

  @Column("text", { name: "bridge_dial_in", nullable: true })
  bridgeDialIn: string | null;

  @Column("uuid", { name: "liaison_user_ids", array: true, default: () => "'{}'" })
  liaisonUserIds: string[];

  @Field(() => Date)
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
