// The site talks to the API over HTTP/WebSocket only.
import { config } from "./config.js";

export class ApiUnavailableError extends Error {}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 10_000,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${config.apiUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ApiUnavailableError(`the API at ${config.apiUrl} cannot be reached: ${String(error)}`);
  }
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiUnavailableError(`the API answered ${res.status} without JSON`);
  }
  if (!body.data || body.errors?.length)
    throw new Error(body.errors?.map((e) => e.message).join("; ") ?? `the API answered ${res.status}`);
  return body.data;
}
