import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { ApiUnavailableError, graphql } from "./api.js";
import { config, wsUrl } from "./config.js";
import { monthRange } from "./months.js";
import { CHANGES_SUBSCRIPTION, INCIDENT_QUERY, MAINTENANCE_QUERY, MONTH_QUERY, SNAPSHOT_QUERY } from "./queries.js";
import type { Incident, Maintenance, Snapshot, StatusPage } from "./types.js";

interface Entry<T> {
  value: T;
  fetchedAt: Date;
  version: number;
}

export interface Fetched<T> {
  value: T;
  fetchedAt: Date;
}

interface Freshness {
  /** When the site last heard from the API successfully. */
  fetchedAt: Date | null;
  /** The API's live change feed is connected: what is shown is current. */
  live: boolean;
  /** Why the last attempt to reach the API failed, if it did. */
  problem: string | null;
}

interface MonthData {
  incidents: Incident[];
  maintenances: Maintenance[];
  truncated: boolean;
}

const MAX_ENTRIES = 1_000;

/**
 * The site's copy of the public status, kept in memory: refreshed once per change the API announces
 * (one standing subscription), never per visitor. When the API cannot be reached the last known state
 * stays, with the time it was last confirmed.
 */
class StatusStore {
  snapshot: Snapshot | null = null;
  private fetchedAt: Date | null = null;
  private problem: string | null = null;
  private live = false;
  /** Bumped on every announced change: on-demand entries from before are stale. */
  private version = 0;
  private again = false;
  private running: Promise<void> | null = null;
  private listeners = new Set<() => void>();
  private entries = new Map<string, Entry<unknown>>();
  private pending = new Map<string, Promise<Entry<unknown>>>();
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private started: Promise<void> | null = null;

  /** Connects the change feed and loads the first snapshot (once; later calls wait for the same). */
  start(): Promise<void> {
    this.started ??= (async () => {
      try {
        this.connect();
      } catch (error) {
        console.error("cannot open the API's change feed", error);
      }
      this.timer = setInterval(() => void this.refresh(), config.pollMs);
      this.timer.unref();
      await this.refresh();
    })();
    return this.started;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.client?.dispose();
  }

  freshness(): Freshness {
    return { fetchedAt: this.fetchedAt, live: this.live, problem: this.problem };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The API announced a change: everything on-demand is stale, and the snapshot is re-fetched. */
  announce(): Promise<void> {
    this.version += 1;
    return this.refresh();
  }

  /** Re-fetches the snapshot; calls made while a fetch runs share one more fetch after it. */
  refresh(): Promise<void> {
    this.again = true;
    this.running ??= this.loop().finally(() => (this.running = null));
    return this.running;
  }

  /** Waits (briefly) until the snapshot reflects the change made at `after`. */
  async snapshotAfter(after: Date, timeoutMs = 4_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const current = () => (this.snapshot ? Date.parse(this.snapshot.statusPage.updatedAt) : -Infinity);
    while (current() < after.getTime() && Date.now() < deadline) {
      await this.refresh();
      if (this.problem) return;
      if (current() < after.getTime()) await new Promise((r) => setTimeout(r, 100));
    }
  }

  page(): StatusPage | null {
    return this.snapshot?.statusPage ?? null;
  }

  /** An incident as last known; `after` asks for a copy at least that recent. */
  async incident(id: string, after?: Date): Promise<Fetched<Incident> | null> {
    const known = this.fromSnapshot(id, after, (s) => [...s.statusPage.activeIncidents, ...s.recentIncidents]);
    if (known) return known;
    return this.cached(`incident:${id}`, after, async () => {
      const data = await graphql<{ incident: Incident | null }>(INCIDENT_QUERY, { id });
      return data.incident;
    });
  }

  async maintenance(id: string, after?: Date): Promise<Fetched<Maintenance> | null> {
    const known = this.fromSnapshot(id, after, (s) => [...s.statusPage.scheduledMaintenances, ...s.recentMaintenances]);
    if (known) return known;
    return this.cached(`maintenance:${id}`, after, async () => {
      const data = await graphql<{ scheduledMaintenance: Maintenance | null }>(MAINTENANCE_QUERY, { id });
      return data.scheduledMaintenance;
    });
  }

  async month(month: string): Promise<Fetched<MonthData>> {
    const timeZone = this.page()?.timeZone ?? "UTC";
    const { start, end } = monthRange(month, timeZone);
    const fetched = await this.cached(`month:${timeZone}:${month}`, undefined, async () => {
      const data = await graphql<{
        incidents: { edges: { node: Incident }[]; pageInfo: { hasNextPage: boolean } };
        scheduledMaintenances: { edges: { node: Maintenance }[] };
      }>(MONTH_QUERY, { after: start.toISOString(), before: end.toISOString() });
      return {
        incidents: data.incidents.edges.map((e) => e.node),
        maintenances: data.scheduledMaintenances.edges.map((e) => e.node),
        truncated: data.incidents.pageInfo.hasNextPage,
      };
    });
    return fetched!;
  }

  private fromSnapshot<T extends { id: string; updatedAt: string }>(
    id: string,
    after: Date | undefined,
    pick: (s: Snapshot) => T[],
  ): Fetched<T> | null {
    if (!this.snapshot || !this.fetchedAt) return null;
    const found = pick(this.snapshot).find((x) => x.id === id);
    if (!found || (after && Date.parse(found.updatedAt) < after.getTime())) return null;
    return { value: found, fetchedAt: this.fetchedAt };
  }

  private async cached<T extends { updatedAt: string } | MonthData | null>(
    key: string,
    after: Date | undefined,
    load: () => Promise<T>,
  ): Promise<Fetched<NonNullable<T>> | null> {
    const entry = this.entries.get(key) as Entry<T> | undefined;
    const recentEnough = (e: Entry<T>) =>
      !after || (e.value !== null && "updatedAt" in e.value && Date.parse(e.value.updatedAt) >= after.getTime());
    if (entry && entry.version === this.version && recentEnough(entry)) return this.visible(entry);
    let loading = this.pending.get(key) as Promise<Entry<T>> | undefined;
    if (!loading) {
      const version = this.version;
      loading = load()
        .then((value) => {
          const fresh: Entry<T> = { value, fetchedAt: new Date(), version };
          if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
          this.entries.set(key, fresh);
          return fresh;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, loading);
    }
    try {
      return this.visible(await loading);
    } catch (error) {
      // The API is away: the last known copy, with its time, beats an error page.
      if (entry && error instanceof ApiUnavailableError) return this.visible(entry);
      throw error;
    }
  }

  private visible<T>(entry: Entry<T>): Fetched<NonNullable<T>> | null {
    return entry.value === null || entry.value === undefined
      ? null
      : { value: entry.value, fetchedAt: entry.fetchedAt };
  }

  private async loop(): Promise<void> {
    while (this.again) {
      this.again = false;
      await this.fetchSnapshot();
    }
  }

  private async fetchSnapshot(): Promise<void> {
    try {
      const data = await graphql<{
        statusPage: StatusPage;
        incidents: { edges: { node: Incident }[] };
        scheduledMaintenances: { edges: { node: Maintenance }[] };
      }>(SNAPSHOT_QUERY);
      this.snapshot = {
        statusPage: data.statusPage,
        recentIncidents: data.incidents.edges.map((e) => e.node),
        recentMaintenances: data.scheduledMaintenances.edges.map((e) => e.node),
      };
      this.fetchedAt = new Date();
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        console.error("status listener failed", error);
      }
    }
  }

  private connect(): void {
    this.client = createClient({
      url: wsUrl(config.apiUrl),
      webSocketImpl: WebSocket,
      lazy: false,
      keepAlive: 15_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** Math.min(retries, 6))));
      },
      on: {
        connected: () => {
          this.live = true;
          // Changes may have been missed while away: catch up.
          void this.announce();
        },
        closed: () => {
          if (!this.live) return;
          this.live = false;
          this.notify();
        },
      },
    });
    this.client.subscribe(
      { query: CHANGES_SUBSCRIPTION },
      {
        next: () => void this.announce(),
        error: (error) => console.error("status change feed failed", error),
        complete: () => {},
      },
    );
  }
}

export const store = new StatusStore();
