import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Allow } from "../../../platform/access/decorators.js";
import { STAFF } from "../../../platform/access/roles.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";
import { IncidentTemplate } from "./incident-template.entity.js";
import {
  createIncidentTemplate,
  deleteIncidentTemplate,
  listIncidentTemplates,
  updateIncidentTemplate,
} from "./incident-templates.js";
import { CreateIncidentTemplateInput, UpdateIncidentTemplateInput } from "./incident-template.types.js";

@Resolver(() => IncidentTemplate)
export class IncidentTemplateResolver {
  @Allow(...STAFF)
  @Query(() => [IncidentTemplate], { description: "Every template, by name (at most 200)" })
  incidentTemplates(@Ctx() ctx: GraphQLContext) {
    return listIncidentTemplates(ctx.services);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => IncidentTemplate)
  createIncidentTemplate(
    @Arg("input", () => CreateIncidentTemplateInput) input: CreateIncidentTemplateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return createIncidentTemplate(ctx.services, input);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => IncidentTemplate)
  updateIncidentTemplate(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateIncidentTemplateInput) input: UpdateIncidentTemplateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateIncidentTemplate(ctx.services, id, input);
  }

  @Allow("ADMIN", "RESPONDER")
  @Mutation(() => Boolean, { description: "True once deleted; incidents reported with it keep their words" })
  deleteIncidentTemplate(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return deleteIncidentTemplate(ctx.services, id);
  }
}
