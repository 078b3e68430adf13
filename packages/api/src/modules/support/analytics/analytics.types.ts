import { Field, Float, Int, ObjectType } from "type-graphql";
import type { TicketPriority } from "@liaison/domain";
import { TicketPriorityEnum } from "../support.enums.js";

@ObjectType()
export class PrioritySlaReport {
  @Field(() => TicketPriorityEnum)
  priority: TicketPriority;

  @Field(() => Int, { description: "Tickets opened in the period" })
  count: number;

  @Field(() => Int, { description: "Of which answered" })
  responded: number;

  @Field(() => Float, { nullable: true, description: "Working minutes to the first response, answered tickets only" })
  medianFirstResponseMinutes: number | null;

  @Field(() => Float, { nullable: true })
  p90FirstResponseMinutes: number | null;

  @Field(() => Int, { nullable: true, description: "The first-response target most of them were held to" })
  targetMinutes: number | null;

  @Field(() => Float, { nullable: true, description: "Answered within target ÷ all tickets" })
  shareMet: number | null;
}

@ObjectType()
export class SlaReport {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => [PrioritySlaReport], { description: "P1 first, every priority even when empty" })
  priorities: PrioritySlaReport[];
}

@ObjectType()
export class IncidentMetrics {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  acknowledged: number;

  @Field(() => Int)
  resolved: number;

  @Field(() => Float, { nullable: true, description: "Mean time to acknowledge: report → first update or assessment" })
  mttaMinutes: number | null;

  @Field(() => Float, { nullable: true, description: "Mean time to resolve" })
  mttrMinutes: number | null;
}
