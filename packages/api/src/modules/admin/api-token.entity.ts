import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** Only the SHA-256 of a token is stored; the token itself is shown once. */
@Entity("api_token")
export class ApiToken {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "user_id" })
  userId: string;

  @Column("text", { name: "token_hash" })
  tokenHash: string;

  @Column("text", { nullable: true })
  label: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column("timestamptz", { name: "revoked_at", nullable: true })
  revokedAt: Date | null;
}
