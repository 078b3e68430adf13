import { createHash } from "node:crypto";
import { Kind, OperationTypeNode, parse } from "graphql";

const PUBLIC_ROOT_FIELDS = new Set([
  "statusPage",
  "incidents",
  "incident",
  "components",
  "scheduledMaintenances",
  "scheduledMaintenance",
  "__typename",
]);
const MAX_ENTRIES = 500;
const TTL_MS = 60_000;

export interface CachedResponse {
  status: number;
  contentType: string;
  body: string;
  /** A strong validator of the body (and so of the content type, which the cache key holds). */
  etag: string;
  expires: number;
}

/**
 * How long anyone may keep an anonymous public answer (the same as the status site's pages): a browser
 * 5 s, a shared cache (CDN) 10 s, then serves it stale for up to 20 s more while it revalidates (with
 * If-None-Match: a 304 costs nothing). This API's own cache is dropped on every change, in every process.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=5, s-maxage=10, stale-while-revalidate=20";
/**
 * The answer depends on Accept (the content type negotiated) and on Authorization (a signed-in caller is
 * never given the public answer); not on Accept-Encoding, as the API does not compress.
 */
export const PUBLIC_VARY = "Accept, Authorization";

export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
}

/** True when If-None-Match names `etag` (weakly compared, as RFC 9110 asks of it) or is `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/**
 * Whole-response cache for anonymous reads of public data. Any change in any
 * process clears it; the generation guards against storing a response that was
 * computed before a change and finished after it.
 */
export class PublicResponseCache {
  private entries = new Map<string, CachedResponse>();
  private cacheable = new Map<string, boolean>();
  private generation = 0;

  constructor(private readonly now: () => number) {}

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires > this.now()) return hit;
    this.entries.delete(key);
    return undefined;
  }

  begin(): number {
    return this.generation;
  }

  store(key: string, generation: number, response: Omit<CachedResponse, "expires">): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { ...response, expires: this.now() + TTL_MS });
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Only queries that touch public root fields alone may be shared between readers. */
  isCacheableQuery(query: string): boolean {
    const known = this.cacheable.get(query);
    if (known !== undefined) return known;
    let answer: boolean;
    try {
      const doc = parse(query);
      const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      answer =
        ops.length === 1 &&
        ops[0]!.operation === OperationTypeNode.QUERY &&
        ops[0]!.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(s.name.value));
    } catch {
      answer = false;
    }
    if (this.cacheable.size >= 5_000) this.cacheable.clear();
    this.cacheable.set(query, answer);
    return answer;
  }
}
