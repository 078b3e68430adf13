import { Field, ID, ObjectType } from "type-graphql";
import type { StatusIndicator } from "@liaison/domain";
import { Component, StatusIndicatorEnum } from "../components/index.js";
import { Incident } from "../incidents/index.js";
import { ScheduledMaintenance } from "../maintenance/index.js";

@ObjectType()
export class StatusPage {
  @Field(() => StatusIndicatorEnum)
  indicator: StatusIndicator;

  @Field(() => String)
  description: string;

  @Field(() => [Component])
  components: Component[];

  @Field(() => [Incident])
  activeIncidents: Incident[];

  @Field(() => [ScheduledMaintenance], { description: "Upcoming and in-progress maintenance, soonest first" })
  scheduledMaintenances: ScheduledMaintenance[];

  @Field(() => ID, { description: "The page's id (Statuspage's page.id)" })
  id: string;

  @Field(() => String, { description: "The organization's name" })
  name: string;

  @Field(() => String, { description: "IANA time zone of the page: uptime days are its local days" })
  timeZone: string;

  @Field(() => Date)
  updatedAt: Date;
}
