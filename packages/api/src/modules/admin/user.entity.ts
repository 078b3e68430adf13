import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { RoleEnum, type Role } from "../../platform/access/roles.js";

@ObjectType()
@Entity("app_user")
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  /** Exposed through UserResolver.email, which hides it from other customers. */
  @Column("text")
  email: string;

  @Field(() => RoleEnum)
  @Column("text")
  role: Role;

  @Column("uuid", { name: "account_id", nullable: true })
  accountId: string | null;

  /** The user's manager: the last escalation point for what they own. */
  @Column("uuid", { name: "manager_id", nullable: true })
  managerId: string | null;

  /** Where the times in their reminders and pages are written; null means the organization's. */
  @Column("text", { nullable: true })
  timezone: string | null;

  @Field(() => Date)
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
