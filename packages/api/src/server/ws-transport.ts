import { CloseCode, handleProtocols, makeServer, type ServerOptions } from "graphql-ws";
import type { IncomingMessage } from "node:http";
import type { WebSocket, WebSocketServer } from "ws";
import type { Logger } from "../platform/logger.js";

/** What graphql-ws hands to hooks as `ctx.extra`: the socket and its upgrade request, as its own ws adapter does. */
export interface TransportExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

export interface TransportOptions {
  log: Logger;
  production: boolean;
  /** A socket whose unsent bytes exceed this when a message is due is closed (1013): see `send` below. */
  maxBufferedBytes: number;
  /** Told each time a socket is closed for not reading: for metrics. */
  onSlowReader?: () => void;
  /** Ping every this many ms; a socket that has not answered the previous ping by then is terminated. */
  keepAliveMs?: number;
}

/** Close code and reason for a socket that does not read what it is sent. */
const SLOW_READER = {
  code: 1013,
  reason: "Try again later: this connection does not read its messages",
} as const;
/** After the close frame, how long a slow reader has to finish the close handshake before it is cut. */
const SLOW_READER_GRACE_MS = 1_000;

/**
 * The text of a `next` message's payload, serialized once per result object: subscribers of a shared
 * subscription (see platform/graphql/shared-subscribe.ts) are handed the very same result, so the
 * status page is stringified and UTF-8 encoded once per event, not once per socket.
 */
const serialized = new WeakMap<object, Buffer>();
/** Stands in for the payload while graphql-ws stringifies the envelope; `frame` puts the shared bytes in its place. */
const PLACEHOLDER = "\u2063liaison-shared-payload\u2063";
const PLACEHOLDER_TAIL = `"payload":${JSON.stringify(PLACEHOLDER)}}`;
const CLOSE_BRACE = Buffer.from("}");

/**
 * graphql-ws stringifies each message and hands the string to `send` in the same synchronous step
 * (`await socket.send(stringifyMessage(message, replacer))`), so the payload the replacer set aside
 * is the one `send` receives the envelope of. `frame` checks the envelope ends with the placeholder.
 */
let pendingPayload: Buffer | null = null;
let envelope: unknown = null;

function replacer(this: unknown, key: string, value: unknown): unknown {
  if (key === "") {
    envelope = value;
    return value;
  }
  if (
    key === "payload" &&
    this === envelope &&
    (this as { type?: unknown }).type === "next" &&
    typeof value === "object" &&
    value !== null
  ) {
    pendingPayload = payloadBytes(value);
    return PLACEHOLDER;
  }
  return value;
}

/** The serialized bytes of a payload, once per payload object. */
function payloadBytes(value: object): Buffer {
  let bytes = serialized.get(value);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(value));
    serialized.set(value, bytes);
  }
  return bytes;
}

/** Each open socket's send, with the slow-reader check: `sendNext` goes through it too. */
const senders = new WeakMap<WebSocket, (bytes: string | Buffer) => void>();

/**
 * A `next` message for subscription `id`, written straight to the socket (the broadcast path of
 * platform/graphql/shared-subscribe.ts): the payload's bytes are shared by every socket it goes to.
 */
export function sendNext(socket: WebSocket, id: string, payload: object): void {
  const send = senders.get(socket);
  if (!send) return;
  const head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  const body = payloadBytes(payload);
  send(Buffer.concat([head, body, CLOSE_BRACE], head.length + body.length + 1));
}

/** The bytes to send for a message graphql-ws stringified: the shared payload spliced back in. */
function frame(data: string): string | Buffer {
  const payload = pendingPayload;
  pendingPayload = null;
  envelope = null;
  if (!payload || !data.endsWith(PLACEHOLDER_TAIL)) return data;
  const head = Buffer.from(data.slice(0, data.length - PLACEHOLDER_TAIL.length + '"payload":'.length));
  return Buffer.concat([head, payload, CLOSE_BRACE], head.length + payload.length + 1);
}

/**
 * graphql-ws's protocol (its `makeServer`) on a ws server, instead of `graphql-ws/use/ws`, for two things at
 * fan-out scale:
 *
 * - a shared result is serialized once (above), and `send` does not wait for each write to flush: a
 *   subscription's next event is not held behind the kernel accepting the previous one.
 * - slow readers are bounded: before each message the socket's unsent bytes (`bufferedAmount`: ws's queue
 *   plus the net socket's) are checked; above `maxBufferedBytes` the socket is closed with 1013 "try again
 *   later" and cut after a grace second. Dropping messages instead would leave the reader showing a page
 *   that silently missed changes; a closed socket makes the client reconnect and read the page afresh
 *   (graphql-ws clients retry on 1013). A server's memory for one socket stays below the bound plus one message.
 */
export function serveGraphQLOverWs<P extends Record<string, unknown>, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, TransportExtra & Partial<E>>,
  wss: WebSocketServer,
  transport: TransportOptions,
) {
  const { log, production } = transport;
  const keepAlive = transport.keepAliveMs ?? 12_000;
  const server = makeServer<P, TransportExtra & Partial<E>>({ ...options, jsonMessageReplacer: replacer });
  wss.options.handleProtocols = handleProtocols;
  const internal = (err: unknown) => (production ? "Internal server error" : String(err).slice(0, 120));

  wss.once("error", (err) => {
    log.error({ err }, "WebSocket server failed");
    for (const client of wss.clients) client.close(CloseCode.InternalServerError, internal(err));
  });

  wss.on("connection", (socket, request) => {
    socket.once("error", (err) => {
      log.warn({ err }, "WebSocket connection failed");
      socket.close(CloseCode.InternalServerError, internal(err));
    });

    let pongWait: NodeJS.Timeout | null = null;
    const ping =
      keepAlive > 0
        ? setInterval(() => {
            if (socket.readyState !== socket.OPEN) return;
            pongWait ??= setTimeout(() => socket.terminate(), keepAlive);
            socket.ping();
          }, keepAlive)
        : null;
    socket.on("pong", () => {
      if (pongWait) clearTimeout(pongWait);
      pongWait = null;
    });

    let cut: NodeJS.Timeout | null = null;
    const write = (bytes: string | Buffer): void => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > transport.maxBufferedBytes) {
        transport.onSlowReader?.();
        log.warn({ bufferedBytes: socket.bufferedAmount }, "closing a WebSocket that does not read its messages");
        socket.close(SLOW_READER.code, SLOW_READER.reason);
        cut = setTimeout(() => socket.terminate(), SLOW_READER_GRACE_MS);
        return;
      }
      socket.send(bytes, { binary: false });
    };
    senders.set(socket, write);
    const send = (data: string): void => write(frame(data));

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send,
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on("message", (message: Buffer) => {
            cb(message.toString()).catch((err: unknown) => {
              log.error({ err }, "WebSocket message handling failed");
              socket.close(CloseCode.InternalServerError, internal(err));
            });
          }),
      },
      { socket, request } as TransportExtra & Partial<E>,
    );

    socket.once("close", (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      if (ping) clearInterval(ping);
      if (cut) clearTimeout(cut);
      void closed(code, reason.toString());
    });
  });

  return {
    async dispose() {
      for (const client of wss.clients) client.close(1001, "Going away");
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
