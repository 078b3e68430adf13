import { randomBytes } from "node:crypto";
import type { Severity, TicketPriority } from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { Account } from "../accounts/index.js";
import { Alert, Integration, Service, type EventSeverity } from "./integration.entity.js";
import { CreateIntegrationInput, CreateServiceInput } from "./integration.types.js";
import { EscalationPolicy } from "../on-call/index.js";
import { Escalation } from "../support/index.js";
import { Ticket } from "../support/index.js";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "../../platform/errors.js";
import { STAFF_ROLES } from "../../platform/access/roles.js";
import { requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import type { EnqueuedEvent } from "./events-api.js";
import { reportIncidentIn } from "../incidents/index.js";
import { firstOnCall } from "../on-call/index.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";
import { openTicketIn } from "../support/index.js";
import { inTransaction } from "../../platform/db/transaction.js";

export async function createService(ctx: ServiceContext, raw: unknown): Promise<Service> {
  requireRole(ctx, "ADMIN");
  const input = parseInput(CreateServiceInput.schema, raw);
  return inTransaction(ctx, async (tx) => {
    if (
      input.escalationPolicyId &&
      !(await tx.getRepository(EscalationPolicy).existsBy({ id: input.escalationPolicyId }))
    )
      throw new NotFoundError("Escalation policy", input.escalationPolicyId);
    const taken: unknown[] = await tx.query("SELECT 1 FROM service WHERE lower(name) = lower($1)", [input.name]);
    if (taken.length) throw new ConflictError(`A service named ${input.name} already exists`);
    const repo = tx.getRepository(Service);
    return repo.save(repo.create({ name: input.name, escalationPolicyId: input.escalationPolicyId ?? null }));
  });
}

/** A new routing key for the service: events sent with it open tickets and incidents as configured. */
export async function createIntegration(ctx: ServiceContext, raw: unknown): Promise<Integration> {
  requireRole(ctx, "ADMIN");
  const input = parseInput(CreateIntegrationInput.schema, raw);
  return inTransaction(ctx, async (tx) => {
    if (!(await tx.getRepository(Service).existsBy({ id: input.serviceId })))
      throw new NotFoundError("Service", input.serviceId);
    if (input.accountId && !(await tx.getRepository(Account).existsBy({ id: input.accountId })))
      throw new NotFoundError("Account", input.accountId);
    if (input.openTicket && !input.accountId)
      throw new ValidationError({ "input.accountId": "is required to open tickets" });
    for (const id of input.componentIds) {
      const found: unknown[] = await tx.query("SELECT 1 FROM component WHERE id = $1", [id]);
      if (!found.length) throw new NotFoundError("Component", id);
    }
    const repo = tx.getRepository(Integration);
    return repo.save(
      repo.create({
        serviceId: input.serviceId,
        name: input.name,
        routingKey: randomBytes(16).toString("hex"),
        accountId: input.accountId ?? null,
        openTicket: input.openTicket,
        ticketPriorities: input.ticketPriorities
          ? Object.fromEntries(input.ticketPriorities.map((m) => [m.severity, m.priority]))
          : { critical: "P1", error: "P2", warning: "P3", info: "P4" },
        incidentSeverities: Object.fromEntries(input.incidentSeverities.map((m) => [m.severity, m.incidentSeverity])),
        componentIds: input.componentIds,
      }),
    );
  });
}

/** Whoever the policy pages first at `at`: the owner of a ticket opened from an event. */
async function firstOnCallOf(tx: EntityManager, policyId: string | null, at: Date): Promise<string | null> {
  if (!policyId) return null;
  const policy = await tx.getRepository(EscalationPolicy).findOneBy({ id: policyId });
  return policy ? firstOnCall(tx, policy.levels, at) : null;
}

export interface IntegrationConfig {
  integration: Integration;
  service: Service;
}

export async function findIntegration(ctx: ServiceContext, routingKey: string): Promise<IntegrationConfig | null> {
  const integration = await ctx.db.getRepository(Integration).findOneBy({ routingKey });
  if (!integration) return null;
  const service = await ctx.db.getRepository(Service).findOneByOrFail({ id: integration.serviceId });
  return { integration, service };
}

/** Opens what a new alert's configuration asks for: a ticket, an incident, or both (linked). */
async function openFromAlert(
  ctx: ServiceContext,
  tx: EntityManager,
  config: IntegrationConfig,
  alert: Alert,
): Promise<{ ticketId: string | null; incidentId: string | null }> {
  const { integration, service } = config;
  const severity: EventSeverity = alert.severity;
  let ticket: Ticket | null = null;
  const priority: TicketPriority | undefined = integration.ticketPriorities[severity];
  if (integration.openTicket && integration.accountId && priority) {
    const owner = await firstOnCallOf(tx, service.escalationPolicyId, ctx.clock.now());
    ticket = await openTicketIn(
      ctx,
      tx,
      {
        accountId: integration.accountId,
        subject: alert.summary.slice(0, 200),
        description: `${alert.source}: ${alert.summary}`.slice(0, 10_000),
        priority,
        requesterId: null,
        assigneeId: owner,
        source: "EVENTS_API",
      },
      false,
      { escalationPolicyId: service.escalationPolicyId },
    );
  }
  let incidentId: string | null = null;
  const incidentSeverity: Severity | undefined = integration.incidentSeverities[severity];
  if (incidentSeverity) {
    const incident = await reportIncidentIn(ctx, tx, {
      title: alert.summary.slice(0, 200),
      severity: incidentSeverity,
      componentIds: integration.componentIds,
      description: `${service.name} / ${integration.name}: ${alert.source}`,
      source: "MONITORING",
    });
    incidentId = incident.id;
    if (ticket) await tx.getRepository(Ticket).update(ticket.id, { incidentId });
  }
  return { ticketId: ticket?.id ?? null, incidentId };
}

/** Applies one event in one transaction; resolves with the dedup key once it has committed. */
export async function processEvent(
  ctx: ServiceContext,
  config: IntegrationConfig,
  event: EnqueuedEvent,
): Promise<string> {
  const dedupKey = event.dedupKey ?? randomBytes(16).toString("hex");
  await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const integrationId = config.integration.id;
    if (event.action === "trigger") {
      const p = event.payload;
      const rows: (Alert & { inserted: boolean })[] = await tx.query(
        `INSERT INTO alert (integration_id, dedup_key, status, summary, source, severity, component, group_name, class,
           custom_details, event_timestamp, created_at, updated_at)
         VALUES ($1, $2, 'TRIGGERED', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
         ON CONFLICT (integration_id, dedup_key) WHERE status <> 'RESOLVED'
           DO UPDATE SET event_count = alert.event_count + 1, updated_at = EXCLUDED.updated_at
         RETURNING id, summary, source, severity, (xmax = 0) AS inserted`,
        [
          integrationId,
          dedupKey,
          p.summary,
          p.source,
          p.severity,
          p.component,
          p.group,
          p.class,
          p.customDetails === null ? null : JSON.stringify(p.customDetails),
          p.timestamp,
          now,
        ],
      );
      const alert = rows[0]!;
      if (!alert.inserted) return;
      const opened = await openFromAlert(ctx, tx, config, alert);
      if (opened.ticketId || opened.incidentId)
        await tx.query("UPDATE alert SET ticket_id = $2, incident_id = $3 WHERE id = $1", [
          alert.id,
          opened.ticketId,
          opened.incidentId,
        ]);
      return;
    }
    if (event.action === "acknowledge") {
      // Wrapped in a SELECT: TypeORM hands back an UPDATE's rows in another shape.
      const acked: { ticket_id: string | null }[] = await tx.query(
        `WITH acked AS (
           UPDATE alert SET status = 'ACKNOWLEDGED', acknowledged_at = $3, updated_at = $3
            WHERE integration_id = $1 AND dedup_key = $2 AND status = 'TRIGGERED' RETURNING ticket_id)
         SELECT ticket_id FROM acked`,
        [integrationId, dedupKey, now],
      );
      // Someone took the alert: its ticket's escalation stops climbing.
      for (const { ticket_id } of acked)
        if (ticket_id)
          await tx
            .getRepository(Escalation)
            .update({ ticketId: ticket_id, status: "ACTIVE" }, { status: "ACKNOWLEDGED", acknowledgedAt: now });
      return;
    }
    await tx.query(
      `UPDATE alert SET status = 'RESOLVED', resolved_at = $3, updated_at = $3
        WHERE integration_id = $1 AND dedup_key = $2 AND status <> 'RESOLVED'`,
      [integrationId, dedupKey, now],
    );
  });
  return dedupKey;
}

export async function listAlerts(ctx: ServiceContext, first: unknown, after: unknown): Promise<Page<Alert>> {
  requireRole(ctx, ...STAFF_ROLES);
  const page = parsePage(first, after);
  const q = ctx.db.getRepository(Alert).createQueryBuilder("a");
  if (page.after) {
    const [at, id] = decodeCursor(page.after, 2);
    q.andWhere("(a.created_at, a.id) < (:at, :id)", { at: new Date(String(at)), id: String(id) });
  }
  const rows = await q
    .orderBy("a.created_at", "DESC")
    .addOrderBy("a.id", "DESC")
    .take(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (a) => encodeCursor([a.createdAt.toISOString(), a.id]));
}

export async function listServices(ctx: ServiceContext): Promise<Service[]> {
  requireRole(ctx, ...STAFF_ROLES);
  return ctx.db.getRepository(Service).find({ order: { name: "ASC" } });
}

export async function integrationsOf(ctx: ServiceContext, serviceId: string): Promise<Integration[]> {
  return ctx.db.getRepository(Integration).find({ where: { serviceId }, order: { createdAt: "ASC" } });
}

export async function alertTicket(ctx: ServiceContext, alert: Alert): Promise<Ticket | null> {
  return alert.ticketId ? ctx.db.getRepository(Ticket).findOneBy({ id: alert.ticketId }) : null;
}

export async function serviceEscalationPolicy(ctx: ServiceContext, service: Service): Promise<EscalationPolicy | null> {
  return service.escalationPolicyId
    ? ctx.db.getRepository(EscalationPolicy).findOneBy({ id: service.escalationPolicyId })
    : null;
}
