import { CreatedAtColumn, IdColumn, TextColumn } from "../../platform/db/columns.js";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { RoleEnum, type Role } from "../../platform/access/roles.js";

@ObjectType()
@Entity("app_user")
export class User {
  @IdColumn()
  id: string;

  @TextColumn()
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

  @CreatedAtColumn()
  createdAt: Date;
}
