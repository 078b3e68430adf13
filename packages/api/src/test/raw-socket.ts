import WebSocket from "ws";

export interface RawMessage {
  id?: string;
  type: string;
  payload?: any;
}

/** A graphql-transport-ws connection spoken by hand: close codes, refusals and oversized messages are visible. */
export interface RawSocket {
  socket: WebSocket;
  messages: RawMessage[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: RawMessage | string): void;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  /** Resolves once `count` messages satisfy `match` (5 s at most). */
  until(match: (m: RawMessage) => boolean, count?: number, timeoutMs?: number): Promise<RawMessage[]>;
  close(): void;
}

/** Opens a socket (rejects when the upgrade is refused, with the HTTP status) without sending anything. */
export function openSocket(wsUrl: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, "graphql-transport-ws");
    socket.once("open", () => resolve(socket));
    socket.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    socket.once("error", reject);
  });
}

/** Opens a socket and signs in (or not): resolves after `connection_ack`. */
export async function rawSocket(wsUrl: string, token: string | null = null): Promise<RawSocket> {
  const socket = await openSocket(wsUrl);
  const messages: RawMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on("message", (data) => {
    messages.push(JSON.parse((data as Buffer).toString("utf8")) as RawMessage);
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const wake of waiters) wake();
    }),
  );
  const raw: RawSocket = {
    socket,
    messages,
    closed,
    send: (message) => socket.send(typeof message === "string" ? message : JSON.stringify(message)),
    subscribe: (id, query, variables = {}) => raw.send({ id, type: "subscribe", payload: { query, variables } }),
    until(match, count = 1, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.filter(match);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${messages.filter(match).length} of ${count} messages arrived`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
  raw.send({ type: "connection_init", payload: token ? { authorization: `Bearer ${token}` } : {} });
  await raw.until((m) => m.type === "connection_ack");
  return raw;
}
