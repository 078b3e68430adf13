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

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
// C0 and C1 controls and DEL, except tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text may not be stored (NUL, control characters, lone surrogates), or null when it may. */
export function unsafeTextReason(text: string): string | null {
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0);
    return code === 0 ? "must not contain the NUL character" : `must not contain the control character ${hex(code)}`;
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `must not contain a lone surrogate (${hex(surrogate[0].charCodeAt(0))})`;
  return null;
}

const refuse = (reason: (s: string) => string | null) => (s: string, ctx: z.RefinementCtx) => {
  const message = reason(s);
  if (message) ctx.addIssue({ code: "custom", message });
};

export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .superRefine(refuse(unsafeTextReason));
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .superRefine(refuse(unsafeTextReason))
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
