import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { adminLoaders, User } from "../../admin/index.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";
import { Incident } from "../incident.entity.js";
import { incidentLoaders } from "../incident.loaders.js";
import { IncidentTimelineEntry } from "./incident-timeline.entity.js";

@Resolver(() => Incident)
export class IncidentTimelineResolver {
  @FieldResolver(() => [IncidentTimelineEntry], {
    description: "How the incident was run — playbook steps, roles, publication — oldest first; staff only",
  })
  timeline(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    return incidentLoaders(ctx.services).timelineOfIncident.load(incident.id);
  }
}

@Resolver(() => IncidentTimelineEntry)
export class IncidentTimelineEntryResolver {
  @FieldResolver(() => User, { nullable: true, description: "Whom the step concerns (assigned, notified)" })
  user(@Root() entry: IncidentTimelineEntry, @Ctx() ctx: GraphQLContext) {
    return entry.userId ? adminLoaders(ctx.services).user.load(entry.userId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "Who took the step; null when the playbook did" })
  actor(@Root() entry: IncidentTimelineEntry, @Ctx() ctx: GraphQLContext) {
    return entry.actorId ? adminLoaders(ctx.services).user.load(entry.actorId) : null;
  }

  @FieldResolver(() => Boolean, { description: "Taken by the major-incident playbook rather than a person" })
  byPlaybook(@Root() entry: IncidentTimelineEntry): boolean {
    return entry.actorId === null;
  }
}
