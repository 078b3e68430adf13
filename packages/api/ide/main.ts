// The GraphiQL IDE served at GET /graphql (see src/server/graphiql.ts): bundled by vite from our own
// dependencies, so it works offline. Queries and mutations go over HTTP, subscriptions over graphql-ws.
import "graphiql/style.css";
import { GraphiQL } from "graphiql";
import {
  buildClientSchema,
  getOperationAST,
  parse,
  type DocumentNode,
  type ExecutionResult,
  type IntrospectionQuery,
} from "graphql";
import { createClient, type Client } from "graphql-ws";
import { createElement, type ComponentProps } from "react";
import { createRoot } from "react-dom/client";

type Fetcher = ComponentProps<typeof GraphiQL>["fetcher"];

const endpoint = new URL("/graphql", location.href).toString();

const DEFAULT_QUERY = `# Liaison API. Put your token after "Bearer " in Headers below;
# without one you are an anonymous reader of the public status.
{
  statusPage {
    indicator
    description
  }
}
`;

/** The headers editor's Authorization, unless it is still the empty "Bearer " template. */
function authorizationOf(headers: Record<string, unknown> | undefined): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {}))
    if (key.toLowerCase() === "authorization" && typeof value === "string" && !/^\s*(bearer\s*)?$/i.test(value))
      return value.trim();
  return undefined;
}

let socket: { client: Client; authorization: string | undefined } | null = null;
function subscriptions(authorization: string | undefined): Client {
  if (!socket || socket.authorization !== authorization) {
    void socket?.client.dispose();
    socket = {
      authorization,
      client: createClient({
        url: endpoint.replace(/^http/, "ws"),
        connectionParams: authorization ? { authorization } : {},
      }),
    };
  }
  return socket.client;
}

/** The operation's kind, from the text being sent (GraphiQL's own parse may lag behind the editor). */
function kindOf(query: string, operationName: string | null | undefined): string | undefined {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return undefined; // the server explains the syntax error
  }
  return getOperationAST(document, operationName ?? undefined)?.operation;
}

const fetcher: Fetcher = async (params, opts) => {
  const authorization = authorizationOf(opts?.headers);
  if (kindOf(params.query, params.operationName) === "subscription")
    return subscriptions(authorization).iterate({
      query: params.query,
      ...(params.operationName ? { operationName: params.operationName } : {}),
      ...(params.variables ? { variables: params.variables as Record<string, unknown> } : {}),
      // GraphiQL shows formatted results (errors as JSON) as they come; its type insists on GraphQLError.
    }) as unknown as AsyncIterable<ExecutionResult>;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  for (const [key, value] of Object.entries(opts?.headers ?? {}))
    if (key.toLowerCase() !== "authorization" && typeof value === "string") headers[key] = value;
  if (authorization) headers["authorization"] = authorization;
  const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify(params) });
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
};

async function main(): Promise<void> {
  const root = document.getElementById("graphiql")!;
  // The schema comes with the IDE, so it works where introspection is off (production); given as a
  // GraphQLSchema, GraphiQL does not introspect.
  const schema = buildClientSchema((await (await fetch("/graphiql/schema.json")).json()) as IntrospectionQuery);
  const search = new URLSearchParams(location.search);
  const query = search.get("query");
  const variables = search.get("variables");
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      schema,
      defaultQuery: DEFAULT_QUERY,
      defaultHeaders: JSON.stringify({ Authorization: "Bearer " }, null, 2),
      defaultEditorToolsVisibility: "headers",
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      ...(query ? { query } : {}),
      ...(variables ? { variables } : {}),
    }),
  );
}

void main();
