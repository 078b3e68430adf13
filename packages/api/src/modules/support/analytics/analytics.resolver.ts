import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { incidentMetrics, slaReport } from "./analytics.js";
import { Allow } from "../../../platform/access/decorators.js";
import { STAFF } from "../../../platform/access/roles.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";
import { IncidentMetrics, SlaReport } from "./analytics.types.js";

@Resolver()
export class AnalyticsResolver {
  @Allow(...STAFF)
  @Query(() => SlaReport, { description: "Tickets opened in [from, to): first-response figures per priority" })
  async slaReport(
    @Arg("from", () => Date) from: Date,
    @Arg("to", () => Date) to: Date,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SlaReport> {
    const report = await slaReport(ctx.services, from, to);
    return {
      from: report.from,
      to: report.to,
      priorities: report.priorities.map((p) => ({
        priority: p.priority,
        count: p.count,
        responded: p.responded,
        medianFirstResponseMinutes: p.medianMinutes,
        p90FirstResponseMinutes: p.p90Minutes,
        targetMinutes: p.targetMinutes,
        shareMet: p.shareMet,
      })),
    };
  }

  @Allow(...STAFF)
  @Query(() => IncidentMetrics, { description: "MTTA and MTTR of incidents reported in [from, to)" })
  incidentMetrics(@Arg("from", () => Date) from: Date, @Arg("to", () => Date) to: Date, @Ctx() ctx: GraphQLContext) {
    return incidentMetrics(ctx.services, from, to);
  }
}
