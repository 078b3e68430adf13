import { Arg, Ctx, ID, Query, Resolver, Subscription, Root } from "type-graphql";
import { Incident } from "../incidents/index.js";
import { isStaff } from "../../platform/access/viewer.js";
import { Public } from "../../platform/access/decorators.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { StatusPage } from "./status-page.types.js";
import { Id } from "../../platform/validation.js";
import { parseInput } from "../../platform/errors.js";
import { statusPageOf } from "./status-page.js";
import { incidentSnapshot } from "../incidents/index.js";

@Resolver()
export class StatusPageResolver {
  @Public()
  @Query(() => StatusPage)
  statusPage(@Ctx() ctx: GraphQLContext) {
    return statusPageOf(ctx.services);
  }

  @Public()
  @Subscription(() => StatusPage, {
    description: "The whole status page, each time anything on it changes",
    subscribe: ({ context }) =>
      (context as GraphQLContext).services.bus.iterate((event) =>
        event.kind === "status-page" ? statusPageOf((context as GraphQLContext).services) : undefined,
      ),
  })
  statusPageChanged(@Root() page: StatusPage): StatusPage {
    return page;
  }

  @Public()
  @Subscription(() => Incident, {
    description:
      "An incident each time it changes (one incident, or all); others than staff only hear of public changes to public incidents",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const requested = (args as { incidentId?: unknown }).incidentId;
      const only = requested ? parseInput(Id, requested, "incidentId") : null;
      const staff = isStaff(ctx.viewer);
      return ctx.services.bus.iterate((event) => {
        if (event.kind !== "incident") return undefined;
        if (only && event.incidentId !== only) return undefined;
        if (!staff && event.visibility !== "PUBLIC") return undefined;
        const snapshot = incidentSnapshot(ctx.services, event);
        return staff ? snapshot : snapshot.then((i) => (i?.publishedAt ? i : undefined));
      });
    },
  })
  incidentUpdated(
    @Root() incident: Incident,
    @Arg("incidentId", () => ID, { nullable: true }) _incidentId?: string,
  ): Incident {
    return incident;
  }
}
