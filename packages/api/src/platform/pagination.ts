import { z } from "zod";
import { ValidationError, parseInput } from "./errors.js";

export const PageArgs = z.object({
  first: z.number().int().min(1, "must be at least 1").max(100, "must be at most 100").default(20),
  after: z.string().max(200).nullish(),
});

export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parts) && parts.length === arity) return parts as (string | number)[];
  } catch {
    // fall through: a cursor we did not issue
  }
  throw new ValidationError({ after: "is not a cursor from this list" });
}

export function parsePage(first: unknown, after: unknown) {
  return parseInput(PageArgs, { first: first ?? undefined, after }, "");
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

/** Builds a page from `first + 1` rows fetched after the cursor. */
export function toPage<T>(rows: T[], first: number, cursorOf: (row: T) => string): Page<T> {
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
