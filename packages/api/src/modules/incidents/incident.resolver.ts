import { adminLoaders } from "../admin/index.js";
import { incidentLoaders } from "./incident.loaders.js";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { cadenceInputOf, computeCadence, isMajor } from "@liaison/domain";
import { Component } from "../components/index.js";
import { Incident } from "./incident.entity.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { ConferenceBridge } from "../admin/index.js";
import { User } from "../admin/index.js";
import { isStaff } from "../../platform/access/viewer.js";
import { getIncident, listIncidents } from "./incident-queries.js";
import {
  assessImpact,
  assignIncidentRole,
  postStatusUpdate,
  publishIncidentReport,
  reportIncident,
  updateIncident,
} from "./incidents.js";
import { calendarOf } from "../admin/index.js";
import { Allow, Public } from "../../platform/access/decorators.js";
import { INCIDENT_WRITERS } from "./incident.enums.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { IncidentRoleEnum, type IncidentRole } from "./incident.enums.js";
import {
  AssessImpactInput,
  Cadence,
  IncidentConnection,
  IncidentFilter,
  PostStatusUpdateInput,
  PublishIncidentReportInput,
  ReportIncidentInput,
  UpdateIncidentInput,
} from "./incident.types.js";

@Resolver(() => Incident)
export class IncidentResolver {
  @Public()
  @Query(() => Incident, { nullable: true })
  incident(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getIncident(ctx.services, id);
  }

  @Public()
  @Query(() => IncidentConnection)
  incidents(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => IncidentFilter, { nullable: true }) filter?: IncidentFilter,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listIncidents(ctx.services, filter, first, after);
  }

  @Allow(...INCIDENT_WRITERS)
  @Mutation(() => Incident)
  reportIncident(@Arg("input", () => ReportIncidentInput) input: ReportIncidentInput, @Ctx() ctx: GraphQLContext) {
    return reportIncident(ctx.services, input);
  }

  @Allow(...INCIDENT_WRITERS)
  @Mutation(() => Incident, {
    description: "Title, description or severity; raising to SEV1/SEV2 mobilizes a liaison and the bridge",
  })
  updateIncident(
    @Arg("incidentId", () => ID) incidentId: string,
    @Arg("input", () => UpdateIncidentInput) input: UpdateIncidentInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateIncident(ctx.services, incidentId, input);
  }

  @Allow(...INCIDENT_WRITERS)
  @Mutation(() => Incident)
  assessImpact(
    @Arg("incidentId", () => ID) incidentId: string,
    @Arg("input", () => AssessImpactInput) input: AssessImpactInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return assessImpact(ctx.services, incidentId, input);
  }

  @Allow(...INCIDENT_WRITERS)
  @Mutation(() => IncidentUpdate)
  postStatusUpdate(
    @Arg("incidentId", () => ID) incidentId: string,
    @Arg("input", () => PostStatusUpdateInput) input: PostStatusUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return postStatusUpdate(ctx.services, incidentId, input);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => Incident)
  assignIncidentRole(
    @Arg("incidentId", () => ID) incidentId: string,
    @Arg("role", () => IncidentRoleEnum) role: IncidentRole,
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return assignIncidentRole(ctx.services, incidentId, role, userId);
  }

  @Allow(...INCIDENT_WRITERS)
  @Mutation(() => IncidentReport)
  publishIncidentReport(
    @Arg("incidentId", () => ID) incidentId: string,
    @Arg("input", () => PublishIncidentReportInput) input: PublishIncidentReportInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return publishIncidentReport(ctx.services, incidentId, input);
  }

  @FieldResolver(() => Boolean)
  isMajor(@Root() incident: Incident) {
    return isMajor(incident.severity);
  }

  @FieldResolver(() => [Component])
  components(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    return incident.components ?? incidentLoaders(ctx.services).componentsOfIncident.load(incident.id);
  }

  @FieldResolver(() => [IncidentUpdate], { description: "Newest first; anonymous readers see PUBLIC ones only" })
  async updates(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    const all = incident.updates ?? (await incidentLoaders(ctx.services).updatesOfIncident.load(incident.id));
    return isStaff(ctx.viewer) ? all : all.filter((u) => u.visibility === "PUBLIC");
  }

  @FieldResolver(() => [IncidentReport])
  reports(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    return incident.reports ?? incidentLoaders(ctx.services).reportsOfIncident.load(incident.id);
  }

  @FieldResolver(() => String, { nullable: true, description: "Staff only (incidents.access.ts)" })
  description(@Root() incident: Incident) {
    return incident.description;
  }

  @FieldResolver(() => User, { nullable: true, description: "Staff only (incidents.access.ts)" })
  commander(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    return incident.commanderId ? adminLoaders(ctx.services).user.load(incident.commanderId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "The Customer Liaison; staff only (incidents.access.ts)" })
  liaison(@Root() incident: Incident, @Ctx() ctx: GraphQLContext) {
    return incident.liaisonId ? adminLoaders(ctx.services).user.load(incident.liaisonId) : null;
  }

  @FieldResolver(() => ConferenceBridge, { nullable: true, description: "Staff only (incidents.access.ts)" })
  conferenceBridge(@Root() incident: Incident): ConferenceBridge | null {
    if (!incident.bridgeUrl) return null;
    return { url: incident.bridgeUrl, dialIn: incident.bridgeDialIn };
  }

  @FieldResolver(() => Cadence, {
    nullable: true,
    description: "Staff only (incidents.access.ts); evaluated at request time",
  })
  async cadence(@Root() incident: Incident, @Ctx() ctx: GraphQLContext): Promise<Cadence | null> {
    const [org, reports] = await Promise.all([
      adminLoaders(ctx.services).organization(),
      incident.reports
        ? Promise.resolve(incident.reports)
        : incidentLoaders(ctx.services).reportsOfIncident.load(incident.id),
    ]);
    const publicUpdateTimes = incident.lastPublicUpdateAt ? [incident.lastPublicUpdateAt] : [];
    return computeCadence(
      cadenceInputOf(incident, publicUpdateTimes, reports, calendarOf(org)),
      ctx.services.clock.now(),
    );
  }
}
