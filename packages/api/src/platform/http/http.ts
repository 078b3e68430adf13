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

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError("BAD_USER_INPUT", "The request body is too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}
