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
  expires: number;
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
