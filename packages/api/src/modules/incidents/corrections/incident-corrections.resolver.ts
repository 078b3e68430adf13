import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { adminLoaders, User } from "../../admin/index.js";
import { Allow } from "../../../platform/access/decorators.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";
import { IncidentReport, IncidentUpdate } from "../incident-update.entity.js";
import { IncidentReportRevision, IncidentUpdateRevision } from "./incident-revision.entity.js";
import { revisionLoaders } from "./incident-revision.loaders.js";
import { editStatusUpdate, reviseIncidentReport } from "./incident-corrections.js";
import { EditStatusUpdateInput, ReviseIncidentReportInput } from "./incident-corrections.types.js";
import { INCIDENT_WRITERS } from "../incident.enums.js";

@Resolver(() => IncidentUpdate)
export class IncidentUpdateCorrectionResolver {
  @Allow(...INCIDENT_WRITERS)
  @Mutation(() => IncidentUpdate, {
    description:
      "Corrects an update's text (resolved incidents too); the earlier text is kept, nobody is notified again",
  })
  editStatusUpdate(
    @Arg("updateId", () => ID) updateId: string,
    @Arg("input", () => EditStatusUpdateInput) input: EditStatusUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return editStatusUpdate(ctx.services, updateId, input);
  }

  @FieldResolver(() => [IncidentUpdateRevision], { description: "Earlier texts, oldest first; staff only" })
  revisions(@Root() update: IncidentUpdate, @Ctx() ctx: GraphQLContext) {
    return revisionLoaders(ctx.services).ofUpdate.load(update.id);
  }
}

@Resolver(() => IncidentReport)
export class IncidentReportCorrectionResolver {
  @Allow(...INCIDENT_WRITERS)
  @Mutation(() => IncidentReport, { description: "Revises a published report; the earlier version is kept" })
  reviseIncidentReport(
    @Arg("reportId", () => ID) reportId: string,
    @Arg("input", () => ReviseIncidentReportInput) input: ReviseIncidentReportInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return reviseIncidentReport(ctx.services, reportId, input);
  }

  @FieldResolver(() => [IncidentReportRevision], { description: "Earlier versions, oldest first; staff only" })
  revisions(@Root() report: IncidentReport, @Ctx() ctx: GraphQLContext) {
    return revisionLoaders(ctx.services).ofReport.load(report.id);
  }
}

@Resolver(() => IncidentUpdateRevision)
export class UpdateRevisionResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who replaced this text" })
  editedBy(@Root() revision: IncidentUpdateRevision, @Ctx() ctx: GraphQLContext) {
    return revision.editedById ? adminLoaders(ctx.services).user.load(revision.editedById) : null;
  }
}

@Resolver(() => IncidentReportRevision)
export class ReportRevisionResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who replaced this version" })
  revisedBy(@Root() revision: IncidentReportRevision, @Ctx() ctx: GraphQLContext) {
    return revision.revisedById ? adminLoaders(ctx.services).user.load(revision.revisedById) : null;
  }
}
