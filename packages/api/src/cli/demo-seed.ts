import { hashToken } from "../modules/admin/index.js";
import type { App } from "../server/app.js";
import type { Role } from "../platform/access/roles.js";
import { createComponent } from "../modules/components/index.js";
import type { ServiceContext } from "../platform/context.js";
import {
  assessImpact,
  createIncidentTemplate,
  postStatusUpdate,
  publishIncidentReport,
  reportIncident,
} from "../modules/incidents/index.js";
import { updateOrganization } from "../modules/organization/index.js";
import { createUser, setUserTimezone } from "../modules/admin/index.js";
import { createAccount } from "../modules/accounts/index.js";
import { bookSession } from "../modules/cse/index.js";
import { seedSupportDemo } from "./demo-support-seed.js";
import {
  completeScheduledMaintenance,
  createScheduledMaintenance,
  startScheduledMaintenance,
} from "../modules/maintenance/index.js";

/** Fixed, documented demo credentials: printed at every start, stored hashed like any other. */
export const DEMO_TOKENS: Record<Role, string> = {
  ADMIN: "demo-admin-token",
  RESPONDER: "demo-responder-token",
  SUPPORT_AGENT: "demo-support-agent-token",
  CUSTOMER_SUCCESS_ENGINEER: "demo-cse-token",
  CUSTOMER: "demo-customer-token",
};

const HOUR = 3_600_000;
const MIN = 60_000;

async function asUser(ctx: ServiceContext, role: Role, name: string, email: string, accountId?: string) {
  const { user } = await createUser(ctx, { name, email, role, accountId });
  await ctx.db.query("INSERT INTO api_token (user_id, token_hash, label) VALUES ($1, $2, 'demo')", [
    user.id,
    hashToken(DEMO_TOKENS[role]),
  ]);
  return user;
}

/** Templates for the seed's cadence: assess within 5 minutes, update every 15, resolve, report within a business day. */
async function seedTemplates(ctx: ServiceContext, components: Record<string, string>): Promise<void> {
  const templates = [
    {
      name: "Initial assessment",
      title: "Elevated API error rates",
      severity: "SEV3",
      componentIds: [components["API"]],
      visibility: "PUBLIC",
      message:
        "We are investigating problems with {{components}}. Some requests may fail or be slow. " +
        "We will post an update by {{nextUpdateDueAt}}.",
    },
    {
      name: "15-minute update",
      visibility: "PUBLIC",
      message:
        "We are still working on {{incident.title}}, which affects {{components}}. " +
        "We will post the next update by {{nextUpdateDueAt}}.",
    },
    {
      name: "Resolution",
      visibility: "PUBLIC",
      message:
        "This incident is resolved and {{components}} should be working normally again. " +
        "A preliminary report will follow within 1 business day.",
    },
    {
      name: "Preliminary report",
      message:
        "{{incident.title}} affected {{components}}. What happened, in short: … " +
        "We will publish a full post-incident report within 5 business days.",
    },
  ];
  for (const template of templates) await createIncidentTemplate(ctx, template);
}

/** Seeds the demo organization once; later starts find it and leave it alone. */
export async function seedDemo(app: App): Promise<boolean> {
  const db = app.services.db;
  const seeded: unknown[] = await db.query("SELECT 1 FROM app_user WHERE email = 'admin@demo.liaison.dev'");
  if (seeded.length > 0) return false;

  const boot = app.context({ userId: "00000000-0000-4000-8000-000000000000", role: "ADMIN", accountId: null });
  const admin = await asUser(boot, "ADMIN", "Ada Admin", "admin@demo.liaison.dev");
  const as = (viewer: { userId: string; role: Role }, at?: Date): ServiceContext => ({
    ...app.context({ ...viewer, accountId: null }),
    ...(at ? { clock: { now: () => at } } : {}),
  });
  const ctx = as({ userId: admin.id, role: "ADMIN" });
  const responder = await asUser(ctx, "RESPONDER", "Rhea Responder", "responder@demo.liaison.dev");
  const agent = await asUser(ctx, "SUPPORT_AGENT", "Sam Support", "support@demo.liaison.dev");
  // Sam works from the west coast: reminders and pages reach Sam in Pacific time, everyone else in New York's.
  await setUserTimezone(ctx, agent.id, "America/Los_Angeles");
  const cse = await asUser(ctx, "CUSTOMER_SUCCESS_ENGINEER", "Cleo CSE", "cse@demo.liaison.dev");
  const seededAt = app.services.clock.now();
  const account = await createAccount(ctx, {
    name: "Globex Corporation",
    tier: "GOLD_SERVICES",
    // Some months into its first contract year, whenever the demo starts.
    subscriptionStartDate: new Date(seededAt.getTime() - 120 * 24 * HOUR).toISOString().slice(0, 10),
    products: ["INCIDENT_MANAGEMENT", "AIOPS", "RUNBOOK_AUTOMATION"],
    timezone: "America/Chicago",
  });
  const customer = await asUser(ctx, "CUSTOMER", "Gil Globex", "gil@globex.example", account.id);
  // One CSE session booked: the next weekday at 15:00 UTC, inside the CSE's default hours.
  const sessionDay = new Date(seededAt.getTime() + 24 * HOUR);
  while ([0, 6].includes(sessionDay.getUTCDay())) sessionDay.setUTCDate(sessionDay.getUTCDate() + 1);
  sessionDay.setUTCHours(15, 0, 0, 0);
  await bookSession(as({ userId: cse.id, role: "CUSTOMER_SUCCESS_ENGINEER" }), {
    accountId: account.id,
    activity: "INTEGRATION_CONSULTATION",
    startsAt: sessionDay,
    notes: "Connecting Datadog and ServiceNow to Incident Management",
  });

  await updateOrganization(ctx, {
    name: "Acme Cloud",
    timezone: "America/New_York",
    holidayRegion: "US",
    conferenceBridge: { url: "https://meet.example.com/acme-incident-bridge", dialIn: "+1 555 0100 #4242" },
    liaisonUserIds: [agent.id],
  });
  const components: Record<string, string> = {};
  let position = 0;
  for (const [group, names] of [
    ["Platform", ["API", "Web Dashboard", "Authentication"]],
    ["Delivery", ["Notifications", "Webhooks", "Email"]],
  ] as const) {
    for (const name of names) {
      // Components that have been watched for 90 days give the uptime bars a history to show.
      const since = as(
        { userId: admin.id, role: "ADMIN" },
        new Date(app.services.clock.now().getTime() - 90 * 24 * HOUR),
      );
      const c = await createComponent(since, { name, group, position: position++, description: `${name} service` });
      components[name] = c.id;
    }
  }

  await seedTemplates(ctx, components);

  // A resolved incident from three days ago, with both reports.
  const start = new Date(app.services.clock.now().getTime() - 3 * 24 * HOUR);
  const at = (ms: number) => as({ userId: responder.id, role: "RESPONDER" }, new Date(start.getTime() + ms));
  const past = await reportIncident(at(0), {
    title: "Delayed webhook deliveries",
    severity: "SEV2",
    componentIds: [components["Webhooks"]],
    source: "MONITORING",
    description: "Queue depth alarm on webhook workers",
  });
  await assessImpact(at(4 * MIN), past.id, {
    impact: "MAJOR",
    componentStatuses: [{ componentId: components["Webhooks"]!, status: "PARTIAL_OUTAGE" }],
    customersAffected: 37,
    summary: "Webhooks delayed by up to 20 minutes for a third of customers",
  });
  await postStatusUpdate(at(5 * MIN), past.id, {
    status: "INVESTIGATING",
    visibility: "PUBLIC",
    message: "Some webhook deliveries are delayed. We are investigating.",
  });
  await postStatusUpdate(at(18 * MIN), past.id, {
    status: "IDENTIFIED",
    visibility: "PUBLIC",
    message: "A stuck consumer group was identified and is being restarted.",
  });
  await postStatusUpdate(at(31 * MIN), past.id, {
    status: "MONITORING",
    visibility: "PUBLIC",
    message: "Deliveries are catching up; we are monitoring.",
    componentStatuses: [{ componentId: components["Webhooks"]!, status: "DEGRADED_PERFORMANCE" }],
  });
  await postStatusUpdate(at(44 * MIN), past.id, {
    status: "RESOLVED",
    visibility: "PUBLIC",
    message: "All delayed webhooks have been delivered.",
  });
  await publishIncidentReport(at(20 * HOUR), past.id, {
    kind: "PRELIMINARY",
    summary: "Webhook deliveries were delayed for 44 minutes after a consumer group stalled.",
    rootCause: "A broker upgrade left one consumer group without partition assignments.",
  });
  await publishIncidentReport(at(50 * HOUR), past.id, {
    kind: "POST_INCIDENT",
    summary: "Between 14:02 and 14:46 UTC, 37 customers saw webhook delays of up to 20 minutes.",
    rootCause: "A rolling broker upgrade triggered a rebalance that never completed for one consumer group.",
    actionItems: ["Alert on consumer lag per group", "Run broker upgrades behind a rebalance check"],
  });

  // And one open incident, reported a few minutes ago.
  const now = app.services.clock.now();
  const open = await reportIncident(
    as({ userId: agent.id, role: "SUPPORT_AGENT" }, new Date(now.getTime() - 4 * MIN)),
    {
      title: "Elevated API error rates in us-east",
      publicTitle: "Some API requests are failing",
      severity: "SEV3",
      componentIds: [components["API"]],
      source: "CUSTOMER_TICKET",
    },
  );
  await postStatusUpdate(as({ userId: agent.id, role: "SUPPORT_AGENT" }, new Date(now.getTime() - 3 * MIN)), open.id, {
    status: "INVESTIGATING",
    visibility: "PUBLIC",
    message: "Some API requests in us-east are failing. We are investigating.",
    componentStatuses: [{ componentId: components["API"]!, status: "DEGRADED_PERFORMANCE" }],
  });

  // Maintenance: one done two days ago (left out of uptime), one announced for tomorrow.
  const twoDaysAgo = new Date(now.getTime() - 2 * 24 * HOUR);
  const done = await createScheduledMaintenance(as({ userId: responder.id, role: "RESPONDER" }, twoDaysAgo), {
    title: "Email relay upgrade",
    description: "We are upgrading our email relays. Some emails may be delayed by a few minutes.",
    componentIds: [components["Email"]],
    scheduledFor: new Date(twoDaysAgo.getTime() + HOUR),
    scheduledUntil: new Date(twoDaysAgo.getTime() + 2 * HOUR),
  });
  await startScheduledMaintenance(
    as({ userId: responder.id, role: "RESPONDER" }, new Date(twoDaysAgo.getTime() + HOUR)),
    done.id,
  );
  await completeScheduledMaintenance(
    as({ userId: responder.id, role: "RESPONDER" }, new Date(twoDaysAgo.getTime() + 100 * MIN)),
    done.id,
  );
  const tomorrow = new Date(now.getTime() + 24 * HOUR);
  await createScheduledMaintenance(ctx, {
    title: "Database failover test",
    description: "The dashboard may be read-only for up to five minutes while we test database failover.",
    componentIds: [components["Web Dashboard"]],
    scheduledFor: tomorrow,
    scheduledUntil: new Date(tomorrow.getTime() + HOUR),
  });
  await seedSupportDemo(app, {
    adminId: admin.id,
    agentId: agent.id,
    responderId: responder.id,
    customerId: customer.id,
    accountId: account.id,
  });
  return true;
}
