import { GraphQLDateTime } from "graphql-scalars";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "./auth.js";
import { ComponentResolver, OrganizationResolver, UserResolver } from "./resolvers/admin.resolver.js";
import { IncidentResolver } from "./resolvers/incident.resolver.js";
import { StatusPageResolver } from "./resolvers/status-page.resolver.js";
import { ComponentUptimeResolver, ScheduledMaintenanceResolver } from "./resolvers/scheduled-maintenance.resolver.js";
import { AccountResolver, EntitlementSummaryResolver } from "./resolvers/account.resolver.js";
import { BookingResolver, WorkingHoursResolver } from "./resolvers/booking.resolver.js";

export const resolvers = [
  OrganizationResolver,
  UserResolver,
  ComponentResolver,
  IncidentResolver,
  StatusPageResolver,
  ScheduledMaintenanceResolver,
  ComponentUptimeResolver,
  AccountResolver,
  EntitlementSummaryResolver,
  BookingResolver,
  WorkingHoursResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** Built once per process: type-graphql's metadata is global anyway. */
export function liaisonSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    authChecker,
    authMode: "error",
    validate: false,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    // Subscriptions bring their own `subscribe` over the EventBus; type-graphql still insists on a PubSub.
    pubSub: {
      publish: () => {
        throw new Error("publish through the EventBus");
      },
      subscribe: () => {
        throw new Error("subscribe through the EventBus");
      },
    },
  });
  return built;
}
