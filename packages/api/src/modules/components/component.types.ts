import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { z } from "zod";
import { COMPONENT_STATUSES, type ComponentStatus } from "@liaison/domain";
import { ComponentStatusEnum } from "./component.enums.js";
import { Name, OptionalName, OptionalText } from "../../platform/validation.js";

@InputType()
export class CreateComponentInput {
  static readonly schema = z.object({
    name: Name(200),
    description: OptionalText(2000),
    group: OptionalName(200),
    position: z.number().int().min(0).max(100_000).optional(),
  });

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  group?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;
}

@InputType()
export class UpdateComponentInput {
  static readonly schema = z.object({
    name: Name(200).optional(),
    description: OptionalText(2000).optional(),
    group: OptionalName(200).optional(),
    position: z.number().int().min(0).max(100_000).optional(),
    status: z.enum(COMPONENT_STATUSES).optional(),
  });

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  group?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;

  @Field(() => ComponentStatusEnum, { nullable: true })
  status?: ComponentStatus;
}

@ObjectType({
  description:
    "One local day of a component's uptime: a major outage counts fully, a partial outage at 30%, " +
    "degraded performance as up; maintenance time is left out",
})
export class UptimeDay {
  @Field(() => String, { description: "YYYY-MM-DD in the page's time zone" })
  date: string;

  @Field(() => Float, { nullable: true, description: "0–1; null when the day has no data" })
  uptime: number | null;

  @Field(() => Int, { description: "Milliseconds with a known status outside maintenance" })
  countedMs: number;

  @Field(() => Int, { description: "Weighted downtime in milliseconds" })
  downtimeMs: number;

  @Field(() => Int)
  majorOutageMs: number;

  @Field(() => Int)
  partialOutageMs: number;

  @Field(() => Int)
  degradedMs: number;

  @Field(() => Int)
  maintenanceMs: number;

  @Field(() => ComponentStatusEnum, { nullable: true, description: "Worst status shown outside maintenance" })
  worstStatus: ComponentStatus | null;
}
