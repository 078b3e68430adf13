import { z } from "zod";
import { In, type EntityManager } from "typeorm";
import { SEVERITIES } from "@liaison/domain";
import { Organization, User } from "../admin/index.js";
import { UpdateOrganizationInput } from "./organization.types.js";
import { NotFoundError, ValidationError, parseInput } from "../../platform/errors.js";
import { ORGANIZATION_ID, isId } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { inTransaction } from "../../platform/db/transaction.js";

export async function updateOrganization(ctx: ServiceContext, raw: unknown): Promise<Organization> {
  const input = parseInput(UpdateOrganizationInput.schema, raw);
  return inTransaction(ctx, async (tx) => {
    const repo = tx.getRepository(Organization);
    const org = await repo.findOneOrFail({ where: { id: ORGANIZATION_ID }, lock: { mode: "pessimistic_write" } });
    if (input.liaisonUserIds) {
      const ids = [...new Set(input.liaisonUserIds)];
      const malformed = ids.find((id) => !isId(id));
      if (malformed) throw new NotFoundError("User", malformed);
      const users = await tx.getRepository(User).findBy({ id: In(ids) });
      const missing = ids.find((id) => !users.some((u) => u.id === id));
      if (missing) throw new NotFoundError("User", missing);
      const customer = users.find((u) => u.role === "CUSTOMER");
      if (customer) throw new ValidationError({ "input.liaisonUserIds": `${customer.id} is a customer, not staff` });
      org.liaisonUserIds = ids;
    }
    if (input.name !== undefined) org.name = input.name;
    if (input.timezone !== undefined) org.timezone = input.timezone;
    if (input.holidays !== undefined) org.holidays = [...new Set(input.holidays)].sort();
    if (input.holidayRegion !== undefined) org.holidayRegion = input.holidayRegion ?? null;
    if (input.conferenceBridge !== undefined) {
      org.bridgeUrl = input.conferenceBridge?.url ?? null;
      org.bridgeDialIn = input.conferenceBridge?.dialIn ?? null;
    }
    await applyOnCallSettings(tx, org, input);
    const saved = await repo.save(org);
    await ctx.bus.publish(tx, { kind: "status-page" });
    return saved;
  });
}

/** The on-call side of the organization: the playbook's schedules and severities, escalation policy, cadence reminders. */
async function applyOnCallSettings(
  tx: EntityManager,
  org: Organization,
  input: z.infer<typeof UpdateOrganizationInput.schema>,
) {
  for (const scheduleId of [input.liaisonScheduleId, input.commanderScheduleId]) {
    if (!scheduleId) continue;
    const found: unknown[] = await tx.query("SELECT 1 FROM oncall_schedule WHERE id = $1", [scheduleId]);
    if (!found.length) throw new NotFoundError("Schedule", scheduleId);
  }
  if (input.defaultEscalationPolicyId) {
    const found: unknown[] = await tx.query("SELECT 1 FROM escalation_policy WHERE id = $1", [
      input.defaultEscalationPolicyId,
    ]);
    if (!found.length) throw new NotFoundError("Escalation policy", input.defaultEscalationPolicyId);
  }
  if (input.liaisonScheduleId !== undefined) org.liaisonScheduleId = input.liaisonScheduleId ?? null;
  if (input.commanderScheduleId !== undefined) org.commanderScheduleId = input.commanderScheduleId ?? null;
  if (input.playbookSeverities !== undefined)
    org.playbookSeverities = SEVERITIES.filter((s) => input.playbookSeverities!.includes(s));
  if (input.defaultEscalationPolicyId !== undefined)
    org.defaultEscalationPolicyId = input.defaultEscalationPolicyId ?? null;
  if (input.cadenceReminderLeadMinutes !== undefined) org.cadenceReminderLeadMinutes = input.cadenceReminderLeadMinutes;
  if (input.cadenceManagerDelayMinutes !== undefined) org.cadenceManagerDelayMinutes = input.cadenceManagerDelayMinutes;
}
