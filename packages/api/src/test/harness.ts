import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import "reflect-metadata";
import { createDataSource } from "../server/database.js";
import { buildApp, type App, type AppOptions, type Route } from "../server/app.js";
import { routes as defaultRoutes } from "../server/routes.js";
import type { Clock } from "../platform/context.js";
import { ensureAdminToken } from "../modules/admin/index.js";
import { createLogger } from "../platform/logger.js";

/** For tests that read no log lines. */
export const silentLog = createLogger({ level: "silent" });

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; fields?: Record<string, string> } }[];
}

/** A clock tests can move; starts at the real time. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database of its own for one test file, cloned from the migrated template (or empty). */
export async function createTestDatabase(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const server = inject("pgServerUrl");
  const template = inject("templateDb");
  const name = `${template}_f_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(server, "postgres") });
  await admin.connect();
  // CREATE DATABASE … TEMPLATE needs the template to be idle: retry briefly if another file is cloning.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${options.empty ? "template0" : template}`);
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  return {
    url: withDatabase(server, name),
    async drop() {
      const c = new pg.Client({ connectionString: withDatabase(server, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApi {
  app: App;
  url: string;
  wsUrl: string;
  databaseUrl: string;
  adminToken: string;
  clock: TestClock;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Data or throw with the errors: for arranging a test. */
  must<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  ws(token?: string | null): Client;
  /** A second API process on this API's database (its own bus connection, caches and sockets). */
  peer(options?: Partial<Omit<AppOptions, "db" | "databaseUrl">>): Promise<TestPeer>;
  close(): Promise<void>;
}

export interface TestPeer {
  app: App;
  url: string;
  ws(token?: string | null): Client;
}

function wsClient(url: string, token: string | null): Client {
  return createClient({
    url: `${url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
}

export async function startTestApi(
  options: Partial<Omit<AppOptions, "db" | "databaseUrl">> & { routes?: Route[] } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const db = createDataSource(database.url, { poolSize: 30 });
  await db.initialize();
  const clock = options.clock instanceof TestClock ? options.clock : new TestClock();
  const app = await buildApp(
    { log: silentLog, ...options, clock, db, databaseUrl: database.url },
    options.routes ?? defaultRoutes,
  );
  const url = await app.start(0);
  const adminToken = `test-admin-${randomBytes(12).toString("hex")}`;
  await ensureAdminToken(db, adminToken);
  const clients: Client[] = [];
  const peers: { app: App; db: ReturnType<typeof createDataSource> }[] = [];

  const gql: TestApi["gql"] = async (query, variables, token = adminToken) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<any>;
  };
  return {
    app,
    url,
    wsUrl: `${url.replace("http", "ws")}/graphql`,
    databaseUrl: database.url,
    adminToken,
    clock,
    gql,
    async must(query, variables, token) {
      const res = await gql(query, variables, token);
      if (res.errors?.length || !res.data) throw new Error(`GraphQL failed: ${JSON.stringify(res.errors)}`);
      return res.data as any;
    },
    sql: (text, params) => db.query(text, params),
    ws(token = adminToken) {
      const client = wsClient(url, token);
      clients.push(client);
      return client;
    },
    async peer(peerOptions = {}) {
      const peerDb = createDataSource(database.url, { poolSize: 10 });
      await peerDb.initialize();
      const peerApp = await buildApp(
        { log: silentLog, ...peerOptions, clock, db: peerDb, databaseUrl: database.url },
        options.routes ?? defaultRoutes,
      );
      peers.push({ app: peerApp, db: peerDb });
      const peerUrl = await peerApp.start(0);
      return {
        app: peerApp,
        url: peerUrl,
        ws(token = adminToken) {
          const client = wsClient(peerUrl, token);
          clients.push(client);
          return client;
        },
      };
    },
    async close() {
      for (const c of clients) await c.dispose();
      for (const peer of peers) {
        await peer.app.stop();
        await peer.db.destroy();
      }
      await app.stop();
      await db.destroy();
      await database.drop();
    },
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Collects subscription results until `count` arrive or `timeoutMs` passes. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: { data?: T; errors?: unknown[] }[] = [];
  let ready!: () => void;
  const waiters: { count: number; resolve: () => void }[] = [];
  const started = new Promise<void>((r) => (ready = r));
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        received.push(value as { data?: T; errors?: unknown[] });
        for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      },
      error: (error) => {
        received.push({ errors: Array.isArray(error) ? error : [error] });
        for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      },
      complete: () => {},
    },
  );
  ready();
  return {
    received,
    started,
    unsubscribe,
    until(count: number, timeoutMs = 5_000): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${count}`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}
