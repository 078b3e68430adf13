import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { z } from "zod";

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

/** BAD_USER_INPUT with `fields`: path → message. */
export class ValidationError extends AppError {
  constructor(readonly fields: Record<string, string>) {
    const summary = Object.entries(fields)
      .map(([path, message]) => `${path}: ${message}`)
      .join("; ");
    super("BAD_USER_INPUT", `Invalid input: ${summary}`, { fields });
  }
}

/** Parse with zod; failures become BAD_USER_INPUT naming each field under `prefix`. */
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

export function zodFields(error: z.ZodError, prefix: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    fields[path] ??= issue.message;
  }
  return fields;
}

const VARIABLE_PATH = /Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"/;
const VARIABLE_ROOT = /Variable "\$([^"]+)"/;

/**
 * The one error mapper: known errors keep their contract code, GraphQL's own
 * input errors become BAD_USER_INPUT, everything else is logged and masked.
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
    code === "PERSISTED_QUERY_NOT_SUPPORTED"
  ) {
    const fields: Record<string, string> = {};
    const withPath = VARIABLE_PATH.exec(formatted.message);
    const root = VARIABLE_ROOT.exec(formatted.message);
    if (withPath) fields[`${withPath[1]}.${withPath[2]}`] = formatted.message;
    else if (root) fields[root[1]!] = formatted.message;
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
  return {
    message: "Internal server error",
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL" },
  };
}

/** For code paths outside Apollo (graphql-ws context, HTTP handlers). */
export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.details, code: error.code } });
}
