import { GraphQLDateTime } from "graphql-scalars";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "../platform/access/decorators.js";
import { ComponentResolver, OrganizationResolver, UserResolver } from "../modules/admin/admin.resolver.js";
import { IncidentResolver } from "../modules/incidents/incident.resolver.js";
import { StatusPageResolver } from "../modules/status-page/status-page.resolver.js";
import { TicketResolver } from "../modules/support/ticket.resolver.js";
import { NotificationResolver } from "../modules/notifications/notification.resolver.js";
import { CadenceResolver } from "../modules/incidents/cadence.resolver.js";
import { AlertResolver, ServiceResolver } from "../modules/integrations/integration.resolver.js";
import { AnalyticsResolver } from "../modules/support/analytics.resolver.js";
import { WebhookResolver } from "../modules/notifications/webhook.resolver.js";
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
} from "../modules/on-call/oncall.resolver.js";
import {
  ComponentUptimeResolver,
  ScheduledMaintenanceResolver,
} from "../modules/maintenance/scheduled-maintenance.resolver.js";
import { AccountResolver, EntitlementSummaryResolver } from "../modules/accounts/account.resolver.js";
import { BookingResolver, WorkingHoursResolver } from "../modules/cse/booking.resolver.js";

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
