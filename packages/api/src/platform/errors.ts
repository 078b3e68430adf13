import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { z } from "zod";
import { argumentPathOf } from "./graphql/argument-paths.js";

/** The contract's error codes (docs/contract.md). @public */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "INVALID_TRANSITION",
  "CONFLICT",
  "ENTITLEMENT_EXHAUSTED",
  "NOT_ENTITLED",
  "PRODUCT_REQUIREMENT_UNMET",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure the caller can act on; its code is part of the API contract. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super("NOT_FOUND", `${what} ${id} was not found`, { id });
  }
}
export class InvalidTransitionError extends AppError {
  constructor(message: string) {
    super("INVALID_TRANSITION", message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do this") {
    super("FORBIDDEN", message);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = "A valid bearer token is required") {
    super("UNAUTHENTICATED", message, { http: { status: 401 } });
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

/** How long a client should wait before trying again while the database is out of reach. */
export const RETRY_AFTER_SECONDS = 5;

/** The database (or another dependency) cannot be reached right now: retry later, it is not the caller's fault. */
export class ServiceUnavailableError extends AppError {
  constructor() {
    super("SERVICE_UNAVAILABLE", "The service is unavailable for a moment; retry later", {
      retryAfter: RETRY_AFTER_SECONDS,
    });
  }
}

// Node's socket errors, PostgreSQL's connection-level SQLSTATEs and what pg and its pool say when a connection is lost.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not currently accepting connections|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)/i;

/** True when `error` says the database cannot be reached (as opposed to a query that failed). */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  if (error instanceof AppError) return error.code === "SERVICE_UNAVAILABLE";
  const e = error as { code?: unknown; severity?: unknown; message?: unknown };
  if (typeof e.code === "string" && (UNREACHABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
  // A FATAL error ends the session: the connection is gone, whatever the reason.
  if (e.severity === "FATAL" || e.severity === "PANIC") return true;
  if (typeof e.message === "string" && UNREACHABLE_MESSAGES.test(e.message)) return true;
  const nested = error as { originalError?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown[] };
  const inner = [
    nested.originalError,
    nested.driverError,
    nested.cause,
    ...(Array.isArray(nested.errors) ? nested.errors : []),
  ];
  return inner.some((i) => i !== error && isUnavailable(i, depth + 1));
}

/** BAD_USER_INPUT with `fields`: path → message. */
export class ValidationError extends AppError {
  constructor(readonly fields: Record<string, string>) {
    const summary = Object.entries(fields)
      .map(([path, message]) => `${path}: ${message}`)
      .join("; ");
    super("BAD_USER_INPUT", `Invalid input: ${summary}`, { fields });
  }
}

/** Marks a zod issue raised by an id that cannot name any record. */
export const UNKNOWN_ID = "liaisonUnknownId";

/**
 * Parse with zod; failures become BAD_USER_INPUT naming each field under `prefix`,
 * except when the only problem is ids that name no record: that is NOT_FOUND.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = "input"): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = zodFields(result.error, prefix);
  if (result.error.issues.every((i) => i.code === "custom" && i.params?.[UNKNOWN_ID] === true)) {
    const names = Object.keys(fields).join(", ");
    throw new AppError("NOT_FOUND", `Nothing is known by the id given for ${names}`, { fields });
  }
  throw new ValidationError(fields);
}

function zodFields(error: z.ZodError, prefix: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    fields[path] ??= issue.message;
  }
  return fields;
}

const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;

/** Apollo marks some request errors with an HTTP 4xx but no code (e.g. "provided sha does not match query"). */
function isClientStatus(error: unknown): boolean {
  const status =
    error instanceof GraphQLError ? (error.extensions["http"] as { status?: unknown } | undefined)?.status : null;
  return typeof status === "number" && status >= 400 && status < 500;
}

function graphqlErrorWithNodes(...candidates: unknown[]): GraphQLError | null {
  const errors = candidates.filter((c): c is GraphQLError => c instanceof GraphQLError);
  return errors.find((e) => e.nodes?.length) ?? errors[0] ?? null;
}

/**
 * The one error mapper: known errors keep their contract code, GraphQL's own
 * input errors become BAD_USER_INPUT naming the argument path, a database out of
 * reach is SERVICE_UNAVAILABLE, everything else is logged and masked.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (e: unknown) => void,
): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // Errors thrown outside resolvers (context, subscriptions) arrive wrapped without a path.
  const original = unwrapped instanceof GraphQLError && unwrapped.originalError ? unwrapped.originalError : unwrapped;
  if (original instanceof AppError) {
    const { http: _http, ...details } = original.details;
    return {
      message: original.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...details, code: original.code },
    };
  }
  const code = formatted.extensions?.["code"];
  if (
    code === "GRAPHQL_VALIDATION_FAILED" ||
    code === "GRAPHQL_PARSE_FAILED" ||
    code === "BAD_USER_INPUT" ||
    code === "OPERATION_RESOLUTION_FAILURE" ||
    code === "BAD_REQUEST" ||
    code === "PERSISTED_QUERY_NOT_SUPPORTED" ||
    TOO_MANY_VARIABLE_ERRORS.test(formatted.message) ||
    ((code === undefined || code === "INTERNAL_SERVER_ERROR") && (isClientStatus(unwrapped) || isClientStatus(error)))
  ) {
    const fields: Record<string, string> = {};
    const graphqlError = graphqlErrorWithNodes(original, unwrapped, error);
    const path = graphqlError ? argumentPathOf(graphqlError) : null;
    if (path) fields[path] = formatted.message;
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: "BAD_USER_INPUT", fields },
    };
  }
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN" || code === "RATE_LIMITED") {
    return { ...formatted, extensions: { code } };
  }
  log(original);
  if (isUnavailable(original)) {
    const unavailable = new ServiceUnavailableError();
    return {
      message: unavailable.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...unavailable.details, code: unavailable.code },
    };
  }
  return {
    message: "Internal server error",
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL" },
  };
}
