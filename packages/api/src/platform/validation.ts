import { z } from "zod";
import { ForbiddenError, UNKNOWN_ID } from "./errors.js";
import type { Role } from "./access/roles.js";
import type { ServiceContext } from "./context.js";

export const ORGANIZATION_ID = "00000000-0000-4000-8000-000000000001";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id we could have issued; anything else names nothing, so lookups answer NOT_FOUND. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** A record id. One we never issued names no record: `parseInput` answers NOT_FOUND, not bad input. */
export const Id = z.string().refine(isId, { message: "names no record", params: { [UNKNOWN_ID]: true } });
/** Ids that refer to records: malformed ones are unknown ones (NOT_FOUND), not bad input. */
export const RefId = z.string().trim().min(1, "must not be empty").max(100, "is not an id");
export const Text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Times may not lie in the future (a little clock skew is tolerated). */
export function NotInFuture(now: Date, skewMs = 30_000) {
  return z.date().refine((d) => d.getTime() <= now.getTime() + skewMs, "must not be in the future");
}

/** Services double-check roles so that no adapter can skip them. */
export function requireRole(ctx: ServiceContext, ...roles: Role[]) {
  if (!ctx.viewer) throw new ForbiddenError();
  if (!roles.includes(ctx.viewer.role)) throw new ForbiddenError();
  return ctx.viewer;
}

export const LIMITS = {
  title: 200,
  description: 10_000,
  message: 5_000,
  summary: 20_000,
  name: 200,
} as const;
