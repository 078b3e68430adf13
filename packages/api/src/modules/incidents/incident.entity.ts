import { CreatedAtColumn, IdColumn, TimestampColumn, UpdatedAtColumn } from "../../platform/db/columns.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinTable, ManyToMany, OneToMany, type Relation } from "typeorm";
import type { Impact, IncidentStatus, Severity } from "@liaison/domain";
import {
  ImpactEnum,
  IncidentSourceEnum,
  IncidentStatusEnum,
  SeverityEnum,
  type IncidentSource,
} from "./incident.enums.js";
import { Component } from "../components/index.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";

@ObjectType()
@Entity("incident")
export class Incident {
  @IdColumn()
  id: string;

  @Field(() => Int, { description: "Human-facing number, sequential" })
  @Column({ type: "int", insert: false, update: false })
  number: number;

  @Field(() => String, {
    description: "Staff read the internal title; everyone else the public name (publicTitle when set)",
  })
  @Column("text")
  title: string;

  /** The name customers read when set (otherwise the title). */
  @Column("text", { name: "public_title", nullable: true })
  publicTitle: string | null;

  /** When its first PUBLIC update made the incident public; null while only staff know of it. */
  @Field(() => Date, { nullable: true, description: "When the first PUBLIC update made it public; null until then" })
  @Column("timestamptz", { name: "published_at", nullable: true })
  publishedAt: Date | null;

  @Column("text", { nullable: true })
  description: string | null;

  @Field(() => IncidentSourceEnum)
  @Column("text")
  source: IncidentSource;

  @Field(() => IncidentStatusEnum)
  @Column("text")
  status: IncidentStatus;

  @Field(() => SeverityEnum)
  @Column("text")
  severity: Severity;

  @Field(() => ImpactEnum, { description: "Provisional from severity until the impact is assessed" })
  @Column("text")
  impact: Impact;

  @TimestampColumn("reported_at")
  reportedAt: Date;

  @Column("timestamptz", { name: "impact_assessed_at", nullable: true })
  impactAssessedAt: Date | null;

  @Column("timestamptz", { name: "last_public_update_at", nullable: true })
  lastPublicUpdateAt: Date | null;

  @TimestampColumn("resolved_at", { nullable: true })
  resolvedAt: Date | null;

  @Column("uuid", { name: "commander_id", nullable: true })
  commanderId: string | null;

  @Column("uuid", { name: "liaison_id", nullable: true })
  liaisonId: string | null;

  @Column("text", { name: "bridge_url", nullable: true })
  bridgeUrl: string | null;

  @Column("text", { name: "bridge_dial_in", nullable: true })
  bridgeDialIn: string | null;

  /** The latest figure someone gave (assessImpact); linking tickets never writes it. */
  @Column("int", { name: "customers_affected", nullable: true })
  customersAffected: number | null;

  @Column("int", { name: "update_count", default: 0 })
  updateCount: number;

  @Column("uuid", { name: "reported_by_id", nullable: true })
  reportedById: string | null;

  @ManyToMany(() => Component)
  @JoinTable({
    name: "incident_component",
    joinColumn: { name: "incident_id" },
    inverseJoinColumn: { name: "component_id" },
  })
  components: Relation<Component>[];

  @OneToMany(() => IncidentUpdate, (u) => u.incident)
  updates: Relation<IncidentUpdate>[];

  @OneToMany(() => IncidentReport, (r) => r.incident)
  reports: Relation<IncidentReport>[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
