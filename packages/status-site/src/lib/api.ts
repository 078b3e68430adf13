// The site talks to the API over HTTP/WebSocket only.
import { config } from "./config.js";

export class ApiUnavailableError extends Error {}

/** The API answered with errors: the first one's contract code and extensions. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
  }

  /** `extensions.fields` of a BAD_USER_INPUT: argument path → message. */
  get fields(): Record<string, string> {
    const fields = this.extensions["fields"];
    if (!fields || typeof fields !== "object") return {};
    return Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
  }

  /** Seconds to wait, from a RATE_LIMITED answer. */
  get retryAfter(): number | null {
    const value = this.extensions["retryAfter"];
    return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
  }
}

export interface CallOptions {
  timeoutMs?: number;
  /** The visitor the site asks for (an anonymous mutation): their address, for the API's per-client limits. */
  clientAddress?: string | undefined;
}

/**
 * Who the site asks for. The API takes a forwarded address only with the shared secret; without one
 * configured nothing is sent, and the API counts the site's own address.
 */
function forwardingHeaders(clientAddress: string | undefined): Record<string, string> {
  if (!clientAddress || !config.apiForwardingSecret) return {};
  return { "x-forwarded-for": clientAddress, "x-liaison-forwarding-secret": config.apiForwardingSecret };
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${config.apiUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...forwardingHeaders(options.clientAddress) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new ApiUnavailableError(`the API at ${config.apiUrl} cannot be reached: ${String(error)}`);
  }
  let body: {
    data?: T | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiUnavailableError(`the API answered ${res.status} without JSON`);
  }
  const first = body.errors?.[0];
  if (first) {
    const extensions = first.extensions ?? {};
    const code = typeof extensions["code"] === "string" ? extensions["code"] : null;
    if (code === "SERVICE_UNAVAILABLE") throw new ApiUnavailableError(`the API is unavailable: ${first.message}`);
    throw new ApiError(body.errors!.map((e) => e.message).join("; "), code, extensions);
  }
  if (!body.data) throw new ApiError(`the API answered ${res.status} without data`, null, {});
  return body.data;
}
