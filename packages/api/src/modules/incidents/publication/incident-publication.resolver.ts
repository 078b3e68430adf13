import type { Impact } from "@liaison/domain";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { isStaff } from "../../../platform/access/viewer.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";
import { Incident } from "../incident.entity.js";
import { ImpactEnum } from "../incident.enums.js";
import { incidentLoaders } from "../incident.loaders.js";
import { publicImpactOf, publicName } from "./incident-publication.js";

/** What of an incident customers read is the liaison's decision: its public name and an impact someone set. */
@Resolver(() => Incident)
export class IncidentPublicationResolver {
  @FieldResolver(() => String)
  title(@Root() incident: Incident, @Ctx() ctx: GraphQLContext): string {
    return isStaff(ctx.viewer) ? incident.title : publicName(incident);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The name customers read when set (else the title); staff only",
  })
  publicTitle(@Root() incident: Incident): string | null {
    return incident.publicTitle;
  }

  @FieldResolver(() => ImpactEnum, {
    description:
      "Staff: as assessed, presumed from the severity until then. Others: as assessed, else from the component statuses set in its updates",
  })
  async impact(@Root() incident: Incident, @Ctx() ctx: GraphQLContext): Promise<Impact> {
    if (isStaff(ctx.viewer)) return incident.impact;
    const updates = incident.updates ?? (await incidentLoaders(ctx.services).updatesOfIncident.load(incident.id));
    return publicImpactOf(incident, updates);
  }
}
