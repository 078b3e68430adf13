import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { accountLoaders } from "../../accounts/index.js";
import { adminLoaders, User } from "../../admin/index.js";
import type { GraphQLContext } from "../../../platform/graphql/context.js";
import { Incident } from "../incident.entity.js";
import { incidentLoaders } from "../incident.loaders.js";
import { AffectedAccount } from "./incident-customers.types.js";

/** How many customers an incident affects, and who they are: the liaison's view (staff only, incidents.access.ts). */
@Resolver(() => Incident)
export class IncidentCustomersResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: "The latest figure someone gave (assessImpact); where nobody gave one, linkedAccountCount",
  })
  async customersAffected(@Root() incident: Incident, @Ctx() ctx: GraphQLContext): Promise<number> {
    if (incident.customersAffected !== null) return incident.customersAffected;
    return (await incidentLoaders(ctx.services).linkedAccountsOfIncident.load(incident.id)).length;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Distinct accounts of the tickets linked to the incident (staff only: null for others)",
  })
  async linkedAccountCount(@Root() incident: Incident, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await incidentLoaders(ctx.services).linkedAccountsOfIncident.load(incident.id)).length;
  }

  @FieldResolver(() => [AffectedAccount], { description: "Accounts of the linked tickets, most tickets first" })
  async affectedAccounts(@Root() incident: Incident, @Ctx() ctx: GraphQLContext): Promise<AffectedAccount[]> {
    const rows = await incidentLoaders(ctx.services).linkedAccountsOfIncident.load(incident.id);
    const users = adminLoaders(ctx.services).user;
    return Promise.all(
      rows.map(async (row) => {
        const [account, requesters] = await Promise.all([
          accountLoaders(ctx.services).account.load(row.accountId),
          users.loadMany(row.requesterIds),
        ]);
        return {
          account: account!,
          ticketCount: row.ticketCount,
          requesters: requesters
            .filter((u): u is User => u instanceof User)
            .sort((a, b) => a.name.localeCompare(b.name)),
        };
      }),
    );
  }
}
