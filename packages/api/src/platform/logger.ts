import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { pino, type DestinationStream, type LevelWithSilent, type Logger as PinoLogger } from "pino";

/** The process's one logger (pino, JSON lines); passed to whoever logs. */
export type Logger = PinoLogger;
export type LogLevel = LevelWithSilent;

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go (stdout by default); tests pass a stream to read them. */
  destination?: DestinationStream;
}

// Keys whose values are never logged, at any depth: SQL parameters and driver errors carry row values.
const SECRET_KEYS =
  /^(parameters|params|variables|driverError|detail|where|query|password|secret|token|authorization|cookie|email)$/i;

// Last line of defence, over the whole line: values that must never reach a log whatever field holds them.
const SCRUB: [RegExp, string][] = [
  [/whsec_[A-Za-z0-9+/=]+/g, "whsec_[redacted]"],
  [/lsn_[A-Za-z0-9_-]+/g, "lsn_[redacted]"],
  [/v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+/g, "v1:[redacted]"],
  [/(Bearer\s+)[^\s"\\]+/gi, "$1[redacted]"],
  [/(\/\/)[^/\s:@"]+:[^/\s@"]+@/g, "$1[redacted]@"],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, "[email]"],
  [/\b[0-9a-f]{32,}\b/gi, "[hex]"],
];

export function scrub(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SCRUB) out = out.replace(pattern, replacement);
  return out;
}

const MAX_MESSAGE = 300;

/**
 * What is logged of an error: class, a short message, its code (SQLSTATE for database errors)
 * and the constraint it broke; never SQL parameters or driver details; the stack only at debug.
 */
function describeError(error: unknown, withStack: boolean, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error).slice(0, MAX_MESSAGE) };
  const e = error as Error & { code?: unknown; constraint?: unknown };
  // PostgreSQL echoes offending values as `…: "value"`; names of constraints and tables stay.
  const message = (e.message.split("\n")[0] ?? "").replace(/: "[^"]*"/g, ': "[redacted]"').slice(0, MAX_MESSAGE);
  return {
    type: e.constructor.name === "Error" ? e.name : e.constructor.name,
    message,
    ...(typeof e.code === "string" || typeof e.code === "number" ? { code: e.code } : {}),
    ...(typeof e.constraint === "string" ? { constraint: e.constraint } : {}),
    ...(withStack && e.stack ? { stack: e.stack } : {}),
    ...(e.cause !== undefined && depth < 2 ? { cause: describeError(e.cause, withStack, depth + 1) } : {}),
  };
}

function safeFields(value: unknown, withStack: boolean, depth: number): unknown {
  if (value instanceof Error) return describeError(value, withStack);
  if (value === null || typeof value !== "object") return value;
  if (depth > 4) return "[nested]";
  if (Array.isArray(value)) return value.map((v) => safeFields(v, withStack, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? "[redacted]" : safeFields(v, withStack, depth + 1);
  }
  return out;
}

export function createLogger(options: LoggerOptions): Logger {
  const withStack = () => logger.isLevelEnabled("debug");
  const logger: Logger = pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const store = requestScope.getStore();
        return store ? { requestId: store.requestId } : {};
      },
      formatters: { log: (object) => safeFields(object, withStack(), 0) as Record<string, unknown> },
      // Errors were already described by formatters.log: pino's own serializer would add every property.
      serializers: { err: (v: unknown) => v },
      hooks: { streamWrite: scrub },
    },
    options.destination ?? pino.destination(1),
  );
  return logger;
}

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's x-request-id when it is short and plain; a fresh one otherwise. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

export function newRequestId(): string {
  return randomUUID();
}

/** Runs `fn` as one request: every line logged inside it, however deep, carries `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestScope.run({ requestId }, fn);
}

/** Marks the rest of the current asynchronous flow as one request (a WebSocket operation). */
export function enterRequestId(requestId: string): void {
  requestScope.enterWith({ requestId });
}
