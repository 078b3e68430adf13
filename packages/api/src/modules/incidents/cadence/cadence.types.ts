import { Field, Float, Int, ObjectType } from "type-graphql";
import type { CadenceObligation, ComplianceState } from "@liaison/domain";
import { CadenceObligationEnum, ComplianceStateEnum } from "../incident.enums.js";

@ObjectType({ description: "One obligation an incident incurred, judged at request time" })
export class ObligationCompliance {
  @Field(() => CadenceObligationEnum)
  obligation: CadenceObligation;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  metAt: Date | null;

  @Field(() => ComplianceStateEnum, { description: "MET on time, MISSED (late or still unmet past due), PENDING" })
  state: ComplianceState;
}

@ObjectType()
export class ComplianceSummaryView {
  @Field(() => CadenceObligationEnum, { nullable: true, description: "Null for the overall figures" })
  obligation: CadenceObligation | null;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  met: number;

  @Field(() => Int)
  missed: number;

  @Field(() => Int)
  pending: number;

  @Field(() => Float, { nullable: true, description: "met / (met + missed); null while nothing is decided" })
  shareMet: number | null;
}

@ObjectType()
export class CadenceComplianceReport {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => [ComplianceSummaryView], { description: "One row per obligation, even when none fell due" })
  obligations: ComplianceSummaryView[];

  @Field(() => ComplianceSummaryView)
  overall: ComplianceSummaryView;
}
