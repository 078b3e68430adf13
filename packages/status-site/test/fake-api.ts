// A stand-in for the API at the HTTP boundary: the site's snapshot query gets a small status page,
// mutations get whatever answer a test sets. For the site's own handling of answers (errors, limits,
// outages) that the real API gives only in circumstances hard to arrange.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { Snapshot } from "../src/lib/types.js";

interface Call {
  operation: string;
  variables: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

interface Answer {
  status?: number;
  body: unknown;
}

type Responder = (call: Call) => Answer;

const T = "2026-01-05T10:00:00.000Z";

const component = (id: string, name: string, group: string | null, position: number) => ({
  id,
  name,
  group,
  position,
  status: "OPERATIONAL",
  description: null,
  createdAt: T,
  updatedAt: T,
  uptime: [],
});

export const FAKE_COMPONENTS = {
  rest: "11111111-1111-4111-8111-111111111111",
  graph: "22222222-2222-4222-8222-222222222222",
  web: "33333333-3333-4333-8333-333333333333",
};

function statusPage(): Snapshot["statusPage"] {
  return {
    id: "page",
    name: "Acme",
    timeZone: "UTC",
    indicator: "NONE",
    description: "All Systems Operational",
    updatedAt: T,
    components: [
      component(FAKE_COMPONENTS.rest, "REST API", "API", 1),
      component(FAKE_COMPONENTS.graph, "GraphQL API", "API", 2),
      component(FAKE_COMPONENTS.web, "Web app", null, 3),
    ] as never,
    activeIncidents: [],
    scheduledMaintenances: [],
  };
}

/** A GraphQL error answer as the API gives it. */
export function graphqlError(code: string, message: string, extensions: Record<string, unknown> = {}, status = 200) {
  return { status, body: { errors: [{ message, extensions: { code, ...extensions } }], data: null } };
}

export interface FakeApi {
  url: string;
  calls: Call[];
  /** Sets the answer to one operation (by its name in the site's query). */
  answer(operation: string, responder: Responder | Answer): void;
  close(): Promise<void>;
}

export async function startFakeApi(): Promise<FakeApi> {
  const calls: Call[] = [];
  const responders = new Map<string, Responder>();
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (d) => (text += String(d)));
    req.on("end", () => {
      let answer: Answer = { status: 400, body: { errors: [{ message: "bad request" }] } };
      try {
        const { query, variables } = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
        const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "anonymous";
        if (operation === "StatusSnapshot") {
          answer = {
            body: {
              data: { statusPage: statusPage(), incidents: { edges: [] }, scheduledMaintenances: { edges: [] } },
            },
          };
        } else {
          const call = { operation, variables: variables ?? {}, headers: req.headers };
          calls.push(call);
          const responder = responders.get(operation);
          answer = responder ? responder(call) : graphqlError("INTERNAL", `no answer set for ${operation}`);
        }
      } catch {
        // the default 400
      }
      res.writeHead(answer.status ?? 200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answer(operation, responder) {
      responders.set(operation, typeof responder === "function" ? responder : () => responder);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
