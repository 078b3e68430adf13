import pg from "pg";
import type { EntityManager } from "typeorm";
import type { Logger } from "./logger.js";

/** What changed; subscribers load what they need. Small: NOTIFY payloads are capped at 8 kB. */
export type LiaisonEvent =
  /** `asOfSequence`: the status update this event is for; subscribers read the incident as of that update. */
  | { kind: "incident"; incidentId: string; visibility: "PUBLIC" | "INTERNAL"; asOfSequence?: number }
  | { kind: "status-page" }
  | { kind: "notification"; userId: string; notificationId: string }
  /** These tokens (api_token ids), or every token of this user, no longer hold; neither: re-check all. */
  | { kind: "tokens-revoked"; tokenIds?: string[]; userId?: string }
  | { kind: "custom"; topic: string; payload: Record<string, unknown> }
  | { kind: "ticket"; ticketId: string };

type Listener = (event: LiaisonEvent) => void;

const CHANNEL = "liaison_events";

/**
 * Events travel through PostgreSQL NOTIFY issued inside the writing transaction,
 * so they are delivered only after commit, in commit order, to every API process.
 */
export class EventBus {
  private listeners = new Set<Listener>();
  private client: pg.Client | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {}

  /** Called after the LISTEN connection was lost and restored: events may have been missed. */
  onReconnect: () => void = () => {};

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      this.dispatch(JSON.parse(msg.payload) as LiaisonEvent);
    });
    const lost = (err?: unknown) => {
      if (this.closed || this.client !== client) return;
      this.client = null;
      this.log.warn({ err }, "event bus connection lost; reconnecting");
      client.end().catch(() => {});
      void this.reconnect();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private async reconnect(delayMs = 250): Promise<void> {
    while (!this.closed) {
      await new Promise((r) => setTimeout(r, delayMs));
      try {
        await this.start();
        this.onReconnect();
        return;
      } catch {
        delayMs = Math.min(delayMs * 2, 10_000);
      }
    }
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** Queue an event in the caller's transaction: sent on commit, dropped on rollback. */
  async publish(tx: EntityManager, event: LiaisonEvent): Promise<void> {
    await tx.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(event)]);
  }

  /** The LISTEN connection is up: events from other processes reach this one. */
  connected(): boolean {
    return this.client !== null;
  }

  /** How many listeners are attached (and subscribers held): lets tests wait until a subscription is live. */
  listenerCount(): number {
    return this.listeners.size + this.held;
  }

  private held = 0;
  /** A subscriber served by a listener shared with others (a broadcast group) counts as listening too. */
  hold(): () => void {
    this.held++;
    let released = false;
    return () => {
      if (!released) this.held--;
      released = true;
    };
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events dispatched so far in this process: orders a subscriber's start against events. */
  get sequence(): number {
    return this.dispatched;
  }
  private dispatched = 0;

  private dispatch(event: LiaisonEvent): void {
    this.dispatched++;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.log.error({ err }, "event listener failed");
      }
    }
  }

  /**
   * An async iterator of `map(event)` for each event, in event order; `undefined`
   * (or a promise of it) skips the event. Ends when the consumer returns. The iterator's `sequence` is
   * the bus's `sequence` at the event of the value last returned.
   */
  iterate<T>(
    map: (event: LiaisonEvent) => T | Promise<T | undefined> | undefined,
  ): AsyncIterableIterator<T> & { sequence: number } {
    const queue: { sequence: number; value: Promise<T | undefined> }[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const off = this.on((event) => {
      const value = map(event);
      if (value === undefined) return;
      queue.push({
        sequence: this.dispatched,
        value: Promise.resolve(value).catch((err: unknown) => {
          this.log.error({ err }, "subscription event failed");
          return undefined;
        }),
      });
      wake?.();
    });
    const finish = () => {
      done = true;
      off();
      wake?.();
    };
    const iterator: AsyncIterableIterator<T> & { sequence: number } = {
      sequence: 0,
      async next() {
        for (;;) {
          while (!done && queue.length === 0) await new Promise<void>((r) => (wake = r));
          wake = null;
          if (done) return { value: undefined, done: true };
          const next = queue.shift()!;
          const value = await next.value;
          iterator.sequence = next.sequence;
          if (value !== undefined) return { value, done: false };
        }
      },
      return() {
        finish();
        return Promise.resolve({ value: undefined, done: true as const });
      },
      throw(err) {
        finish();
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
