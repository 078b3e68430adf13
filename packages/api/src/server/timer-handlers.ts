import { runCadenceTimer, type CadenceTimerData } from "../modules/incidents/cadence-timers.js";
import type { ServiceContext } from "../platform/context.js";
import { runWebhookDelivery, type WebhookTimerData } from "../modules/notifications/webhooks.js";
import { escalateOnBreach, runEscalationStep, type EscalationTimerData } from "../modules/support/escalations.js";
import { runSlaTimer, type SlaTimerData } from "../modules/support/sla-timers.js";
import { QUEUES } from "../platform/timers/queues.js";
import type { Timers } from "../platform/timers/timers.js";

/** What each queue's jobs do; handlers run as the system (no viewer), each in its own transaction. */
export function registerTimerHandlers(timers: Timers, system: () => ServiceContext): void {
  timers.register(QUEUES.sla, (data: SlaTimerData) => runSlaTimer(system(), data, escalateOnBreach));
  timers.register(QUEUES.cadence, (data: CadenceTimerData) => runCadenceTimer(system(), data));
  timers.register(QUEUES.webhook, (data: WebhookTimerData) => runWebhookDelivery(system(), data));
  timers.register(QUEUES.escalation, (data: EscalationTimerData) => runEscalationStep(system(), data));
}
