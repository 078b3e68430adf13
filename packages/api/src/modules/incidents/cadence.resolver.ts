import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Incident } from "./incident.entity.js";
import { cadenceComplianceReport, incidentComplianceOf } from "./cadence.js";
import { Allow } from "../../platform/access/decorators.js";
import { STAFF } from "../../platform/access/roles.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { CadenceComplianceReport, ObligationCompliance } from "./cadence.types.js";

@Resolver(() => Incident)
export class CadenceResolver {
  @Allow(...STAFF)
  @Query(() => CadenceComplianceReport, {
    description: "Obligations due in [from, to), judged now: the share met, by obligation",
  })
  async cadenceCompliance(
    @Arg("from", () => Date) from: Date,
    @Arg("to", () => Date) to: Date,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CadenceComplianceReport> {
    const report = await cadenceComplianceReport(ctx.services, from, to);
    return { ...report, overall: { obligation: null, ...report.overall } };
  }

  @FieldResolver(() => [ObligationCompliance], {
    name: "cadenceCompliance",
    nullable: true,
    description: "Every obligation the incident incurred and whether it was met in time; staff only",
  })
  incidentCadenceCompliance(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    return incidentComplianceOf(ctx.services, incident);
  }
}
