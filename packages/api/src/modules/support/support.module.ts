import type { FeatureModule } from "../../platform/module.js";
import { supportAccess } from "./support.access.js";
import { QUEUES } from "../../platform/timers/queues.js";
import type { ServiceContext } from "../../platform/context.js";
import { AnalyticsResolver } from "./analytics/analytics.resolver.js";
import { Escalation, EscalationPage } from "./escalation/escalation.entity.js";
import { EscalationPageResolver, EscalationResolver } from "./escalation/escalation.resolver.js";
import { escalateOnBreach, runEscalationStep } from "./escalation/escalations.js";
import { SlaPolicyRow } from "./sla/sla-policy.entity.js";
import { runSlaTimer, type SlaTimerData } from "./sla/sla-timers.js";
import { Ticket, TicketMessage } from "./ticket.entity.js";
import { TicketResolver } from "./ticket.resolver.js";
import { IncidentTicketsResolver } from "./incident-tickets.resolver.js";

export const supportModule: FeatureModule = {
  name: "support",
  access: supportAccess,
  resolvers: [TicketResolver, EscalationResolver, EscalationPageResolver, AnalyticsResolver, IncidentTicketsResolver],
  entities: [Ticket, TicketMessage, SlaPolicyRow, Escalation, EscalationPage],
  timers: {
    [QUEUES.sla]: (ctx: ServiceContext, data: SlaTimerData) => runSlaTimer(ctx, data, escalateOnBreach),
    [QUEUES.escalation]: runEscalationStep,
  },
};
