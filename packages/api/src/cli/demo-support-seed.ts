import type { App } from "../server/app.js";
import type { Role } from "../platform/access/roles.js";
import { createIntegration, createService } from "../modules/integrations/index.js";
import type { ServiceContext } from "../platform/context.js";
import { createEscalationPolicy, createSchedule } from "../modules/on-call/index.js";
import { setUserManager } from "../modules/admin/index.js";
import { updateOrganization } from "../modules/organization/index.js";
import { openTicket, respondToTicket, updateTicket } from "../modules/support/index.js";

/** A documented routing key, so `curl` against the demo's POST /v2/enqueue works out of the box. */
export const DEMO_ROUTING_KEY = "deadbeefdeadbeefdeadbeefdeadbeef";

const MIN = 60_000;

/** Support demo: a rota, an escalation policy ending with managers, an integration and two tickets. */
export async function seedSupportDemo(
  app: App,
  people: { adminId: string; agentId: string; responderId: string; customerId: string; accountId: string },
): Promise<void> {
  const as = (userId: string, role: Role, accountId: string | null = null, at?: Date): ServiceContext => ({
    ...app.context({ userId, role, accountId }),
    ...(at ? { clock: { now: () => at } } : {}),
  });
  const admin = as(people.adminId, "ADMIN");
  await setUserManager(admin, people.agentId, people.responderId);
  const rota = await createSchedule(admin, {
    name: "Support rota",
    timezone: "America/New_York",
    layers: [
      {
        name: "Weekly",
        start: "2026-01-05T09:00:00-05:00",
        rotationTurnLengthSeconds: 7 * 86_400,
        userIds: [people.agentId],
      },
    ],
  });
  const policy = await createEscalationPolicy(admin, {
    name: "Support escalation",
    repeats: 1,
    levels: [
      { timeoutMinutes: 15, targets: [{ scheduleId: rota.id }] },
      { timeoutMinutes: 15, targets: [{ manager: true }] },
    ],
  });
  await updateOrganization(admin, { defaultEscalationPolicyId: policy.id, liaisonScheduleId: rota.id });
  const service = await createService(admin, { name: "Customer API", escalationPolicyId: policy.id });
  const integration = await createIntegration(admin, {
    serviceId: service.id,
    name: "Monitoring",
    accountId: people.accountId,
    openTicket: true,
    incidentSeverities: [{ severity: "critical", incidentSeverity: "SEV2" }],
  });
  await app.services.db.query("UPDATE integration SET routing_key = $2 WHERE id = $1", [
    integration.id,
    DEMO_ROUTING_KEY,
  ]);

  const now = app.services.clock.now();
  const customer = as(people.customerId, "CUSTOMER", people.accountId, new Date(now.getTime() - 95 * MIN));
  const atRisk = await openTicket(customer, { subject: "Webhooks arrive late", priority: "P2" });
  const agentThen = as(people.agentId, "SUPPORT_AGENT", null, new Date(now.getTime() - 94 * MIN));
  await updateTicket(as(people.adminId, "ADMIN", null, new Date(now.getTime() - 94 * MIN)), atRisk.id, {
    assigneeId: people.agentId,
  });
  const answered = await openTicket(
    as(people.customerId, "CUSTOMER", people.accountId, new Date(now.getTime() - 3 * 3_600_000)),
    {
      subject: "How do I rotate my API token?",
      priority: "P3",
    },
  );
  await respondToTicket(agentThen, answered.id, { message: "Settings → API tokens → Rotate. Anything else?" });
}
