import type { IncomingMessage, ServerResponse } from "node:http";
import type { Viewer } from "../access/viewer.js";
import type { AppServices, ServiceContext } from "../context.js";
import { AppError } from "../errors.js";

/** What a plain HTTP route may ask of the app it runs in. */
export interface RouteHost {
  services: AppServices;
  authenticate(header: string | undefined): Promise<Viewer | null>;
  context(viewer: Viewer | null, options?: { cacheLoaders: boolean }): ServiceContext;
}

/** A plain HTTP route beside /graphql; returns false when it does not match. */
export type Route = (req: IncomingMessage, res: ServerResponse, app: RouteHost) => Promise<boolean>;

export const MAX_BODY_BYTES = 1_000_000;

/** A request body over the limit: HTTP 413. */
export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super("BAD_USER_INPUT", `The request body is too large (at most ${limit} bytes)`, { http: { status: 413 } });
  }
}

/**
 * Reads the body, or rejects with PayloadTooLargeError as soon as it passes `limit`. The rest is left
 * unread but the request is not destroyed (an early `for await` exit would reset the connection).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > limit) {
      reject(new PayloadTooLargeError(limit));
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const stop = () => {
      req.removeListener("data", onData);
      req.removeListener("end", onEnd);
      req.removeListener("error", onError);
      req.removeListener("close", onClose);
      req.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      reject(new PayloadTooLargeError(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => onError(new Error("The client went away before sending the whole body"));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
    req.once("close", onClose);
  });
}

const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

/**
 * Answers a request whose body we stopped reading, then closes the connection cleanly: the rest of
 * the body is read and dropped first (within bounds), so the client gets the answer instead of a reset.
 */
export function answerUnreadBody(req: IncomingMessage, res: ServerResponse, send: () => void): void {
  if (req.complete || req.readableEnded) {
    send();
    return;
  }
  res.setHeader("connection", "close");
  let dropped = 0;
  let answered = false;
  const answer = (destroy: boolean) => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    req.removeListener("data", onData);
    if (destroy) res.once("finish", () => req.socket.destroy());
    send();
  };
  const onData = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_BYTES) answer(true);
  };
  const timer = setTimeout(() => answer(true), DRAIN_MS);
  req.on("data", onData);
  req.once("end", () => answer(false));
  req.once("error", () => answer(true));
  req.resume();
}

const QUIET = Symbol("logged at debug");
type Marked = ServerResponse & { [QUIET]?: true };

/** This response's request line is logged at debug, not info (a refusal repeated within one block). */
export function logQuietly(res: ServerResponse): void {
  (res as Marked)[QUIET] = true;
}

export function isQuiet(res: ServerResponse): boolean {
  return (res as Marked)[QUIET] === true;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}
