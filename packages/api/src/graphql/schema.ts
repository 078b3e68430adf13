import { GraphQLDateTime } from "graphql-scalars";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "./auth.js";
import { ComponentResolver, OrganizationResolver, UserResolver } from "./resolvers/admin.resolver.js";
import { IncidentResolver } from "./resolvers/incident.resolver.js";
import { StatusPageResolver } from "./resolvers/status-page.resolver.js";
import { TicketResolver } from "./resolvers/ticket.resolver.js";
import { NotificationResolver } from "./resolvers/notification.resolver.js";
import { CadenceResolver } from "./resolvers/cadence.resolver.js";
import { AlertResolver, ServiceResolver } from "./resolvers/integration.resolver.js";
import { AnalyticsResolver } from "./resolvers/analytics.resolver.js";
import { WebhookResolver } from "./resolvers/webhook.resolver.js";
import {
  EscalationPageResolver,
  EscalationPolicyResolver,
  EscalationResolver,
  OrganizationOnCallResolver,
  ScheduleLayerResolver,
  ScheduleOverrideResolver,
  ScheduleResolver,
  TicketEscalationResolver,
  UserManagerResolver,
} from "./resolvers/oncall.resolver.js";
import { ComponentUptimeResolver, ScheduledMaintenanceResolver } from "./resolvers/scheduled-maintenance.resolver.js";
import { AccountResolver, EntitlementSummaryResolver } from "./resolvers/account.resolver.js";
import { BookingResolver, WorkingHoursResolver } from "./resolvers/booking.resolver.js";

export const resolvers = [
  OrganizationResolver,
  UserResolver,
  ComponentResolver,
  IncidentResolver,
  StatusPageResolver,
  TicketResolver,
  NotificationResolver,
  ScheduleResolver,
  ScheduleLayerResolver,
  ScheduleOverrideResolver,
  EscalationPolicyResolver,
  EscalationResolver,
  EscalationPageResolver,
  TicketEscalationResolver,
  UserManagerResolver,
  OrganizationOnCallResolver,
  CadenceResolver,
  ServiceResolver,
  AlertResolver,
  AnalyticsResolver,
  WebhookResolver,
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
