import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import type { SlaSchedule, TicketPriority } from "@liaison/domain";

/** The organization's SLA targets per priority; tickets keep a copy of the one they were opened under. */
@Entity("sla_policy")
export class SlaPolicyRow {
  @PrimaryColumn("text")
  priority: TicketPriority;

  @Column("int", { name: "first_response_minutes" })
  firstResponseMinutes: number;

  @Column("int", { name: "next_response_minutes" })
  nextResponseMinutes: number;

  @Column("jsonb")
  schedule: SlaSchedule;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
