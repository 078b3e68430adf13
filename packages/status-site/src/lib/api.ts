// The site talks to the API over HTTP/WebSocket only.
export const API_URL = (process.env.API_URL ?? "http://localhost:4000").replace(/\/$/, "");

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${API_URL}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(body.errors?.map((e) => e.message).join("; ") ?? `API answered ${res.status}`);
  return body.data;
}
