import { z } from "zod";
import { TICKET_PRIORITIES, validateSlaPolicy, type SlaSchedule, type SlaWeeklyRange } from "@liaison/domain";
import { SlaPolicyRow } from "./sla-policy.entity.js";
import { ValidationError, parseInput } from "../../../platform/errors.js";
import { UpdateSlaPolicyInput } from "../ticket.types.js";
import { requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { inTransaction } from "../../../platform/db/transaction.js";

export async function listSlaPolicies(ctx: ServiceContext): Promise<SlaPolicyRow[]> {
  return ctx.db.getRepository(SlaPolicyRow).find({ order: { priority: "ASC" } });
}

/** New targets apply to tickets opened from now on; open tickets keep the policy they were opened under. */
export async function updateSlaPolicy(ctx: ServiceContext, rawPriority: unknown, raw: unknown): Promise<SlaPolicyRow> {
  requireRole(ctx, "ADMIN");
  const priority = parseInput(z.enum(TICKET_PRIORITIES), rawPriority, "priority");
  const input = parseInput(UpdateSlaPolicyInput.schema, raw);
  const schedule: SlaSchedule =
    input.schedule.kind === "TWENTY_FOUR_SEVEN"
      ? { kind: "24x7" }
      : {
          kind: "BUSINESS_HOURS",
          timezone: input.schedule.timezone,
          // Weekdays outside 1–7 are reported by validateSlaPolicy below.
          weekly: input.schedule.weekly as SlaWeeklyRange[],
          holidays: input.schedule.holidays,
        };
  const validation = validateSlaPolicy({ priority, ...input, schedule });
  if (!validation.valid) {
    const fields: Record<string, string> = {};
    for (const p of validation.problems) {
      if (p.code === "NON_POSITIVE_TARGET") fields[`input.${p.field}`] = "must be positive";
      else if (p.code === "INVALID_TIMEZONE") fields["input.schedule.timezone"] = "must be an IANA time zone";
      else if (p.code === "INVALID_HOLIDAY") fields["input.schedule.holidays"] = `${p.value} is not a date YYYY-MM-DD`;
      else if (p.code === "NO_WORKING_HOURS") fields["input.schedule.weekly"] ??= "must contain working hours";
      else if (p.code === "INVALID_WEEKDAY") fields["input.schedule.weekly"] = `weekday ${p.weekday} is not 1–7`;
      else if (p.code === "INVALID_TIME_OF_DAY") fields["input.schedule.weekly"] = `${p.value} is not a time HH:MM`;
      else fields["input.schedule.weekly"] = `${p.start}–${p.end} is an empty range`;
    }
    throw new ValidationError(fields);
  }
  return inTransaction(ctx, async (tx) => {
    const repo = tx.getRepository(SlaPolicyRow);
    await repo.update(priority, {
      firstResponseMinutes: input.firstResponseMinutes,
      nextResponseMinutes: input.nextResponseMinutes,
      schedule,
    });
    return repo.findOneByOrFail({ priority });
  });
}
