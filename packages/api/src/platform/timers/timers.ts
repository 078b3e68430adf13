import { PgBoss, type JobResult, type JobWithMetadata } from "pg-boss";
import type { EntityManager } from "typeorm";
import type { Clock } from "../context.js";
import type { Logger } from "../logger.js";
import { BOSS_SCHEMA, QUEUES, type QueueName } from "./queues.js";

/** A deadline to keep: `key` names it, so scheduling it twice queues it once. */
export interface Timer<T extends object = object> {
  data: T;
  runAt: Date;
  key: string;
}

/** Does the timer's work in its own transaction; must be idempotent (a job may run more than once). */
export type TimerHandler = (data: any, job: { id: string; retryCount: number }) => Promise<void>;

export interface TimerOptions {
  /** Poll for due jobs in the background (off in tests that run due jobs by hand). */
  workers: boolean;
  /** How long a job may run before pg-boss hands it to another worker. */
  expireInSeconds?: number;
  pollingIntervalSeconds?: number;
  /** Called before each job's handler: lets a test stop a worker in the middle of a job. */
  beforeHandle?: (queue: QueueName, job: { id: string; data: unknown }) => Promise<void>;
  /** Called as each job's handler starts, with how late it runs past its due time: for metrics. */
  onRun?: (queue: QueueName, latenessSeconds: number) => void;
  log: Logger;
}

/** Jobs of one queue by state: `due` waits for a worker, `scheduled` is not due yet. */
export interface QueueStats {
  queue: QueueName;
  due: number;
  scheduled: number;
  active: number;
  /** How long the oldest due job has waited past its due time (0 when none waits). */
  oldestDueSeconds: number;
}

const ALL_QUEUES = Object.values(QUEUES);

/**
 * Durable timers on pg-boss. Jobs are inserted in the caller's TypeORM transaction, so a
 * deadline exists exactly when the change that created it committed; pg-boss hands each
 * job to one worker across all API processes and retries it when a worker dies.
 */
export class Timers {
  private readonly boss: PgBoss;
  private readonly handlers = new Map<QueueName, TimerHandler>();
  private started = false;

  constructor(
    databaseUrl: string,
    private readonly clock: Clock,
    private readonly options: TimerOptions,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: BOSS_SCHEMA,
      // The schema belongs to our TypeORM migrations: nothing is created or migrated at run time.
      migrate: false,
      createSchema: false,
      schedule: false,
      supervise: true,
      max: 6,
      application_name: "liaison-timers",
    });
    this.boss.on("error", (err) => this.options.log.error({ err }, "pg-boss failed"));
  }

  register(queue: QueueName, handler: TimerHandler): void {
    this.handlers.set(queue, handler);
  }

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    if (!this.options.workers) return;
    for (const queue of ALL_QUEUES) {
      await this.boss.work(
        queue,
        {
          batchSize: 20,
          localConcurrency: 2,
          pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 0.5,
          burstWhenBatchFull: true,
          perJobResults: true,
          includeMetadata: true,
        },
        async (jobs: JobWithMetadata<object>[]): Promise<JobResult[]> => {
          const results: JobResult[] = [];
          for (const job of jobs) results.push(await this.runOne(queue, job));
          return results;
        },
      );
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /** Queues timers in the caller's transaction: they exist if and only if it commits. */
  async schedule(tx: EntityManager, queue: QueueName, timers: readonly Timer[]): Promise<void> {
    if (timers.length === 0) return;
    const runner = tx.queryRunner;
    if (!runner) throw new Error("timers must be scheduled inside a transaction");
    const expireInSeconds = this.options.expireInSeconds;
    await this.boss.insert(
      queue,
      timers.map((t) => ({
        data: t.data,
        startAfter: t.runAt.toISOString(),
        singletonKey: t.key,
        ...(expireInSeconds ? { expireInSeconds } : {}),
      })),
      {
        db: {
          async executeSql(text: string, values?: unknown[]) {
            const result = await runner.query(text, values, true);
            return { rows: (result.records as unknown[]) ?? [] };
          },
        },
      },
    );
  }

  /** Started, and (unless turned off) polling for due jobs: part of the process's readiness. */
  running(): { started: boolean; workers: boolean } {
    return { started: this.started, workers: this.started && this.options.workers };
  }

  private async runOne(queue: QueueName, job: JobWithMetadata<object>): Promise<JobResult> {
    const handler = this.handlers.get(queue);
    this.options.onRun?.(queue, Math.max(0, (Date.now() - new Date(job.startAfter).getTime()) / 1000));
    try {
      if (!handler) throw new Error(`no handler for queue ${queue}`);
      await this.options.beforeHandle?.(queue, { id: job.id, data: job.data });
      await handler(job.data, { id: job.id, retryCount: job.retryCount });
      return { id: job.id, status: "completed" };
    } catch (error) {
      this.options.log.error({ err: error, queue, jobId: job.id, retryCount: job.retryCount }, "timer job failed");
      return {
        id: job.id,
        status: "failed",
        output: { message: error instanceof Error ? error.message : String(error) },
      };
    }
  }

  /**
   * Runs every job due by the application clock now, until none is left; returns how many ran.
   * For tests, whose clock runs ahead of the database's: due jobs are moved to the database's now.
   */
  async runDue(): Promise<number> {
    let handled = 0;
    for (let pass = 0; pass < 1000; pass += 1) {
      await this.boss.getDb().executeSql(
        `UPDATE ${BOSS_SCHEMA}.job SET start_after = ${BOSS_SCHEMA}.job_now()
          WHERE name = ANY($1::text[]) AND state < 'active'
            AND start_after > ${BOSS_SCHEMA}.job_now() AND start_after <= $2`,
        [ALL_QUEUES, this.clock.now().toISOString()],
      );
      let ran = 0;
      for (const queue of ALL_QUEUES) {
        const jobs = await this.boss.fetch<object>(queue, { batchSize: 100, includeMetadata: true });
        for (const job of jobs) {
          const result = await this.runOne(queue, job);
          if (result.status === "completed") await this.boss.complete(queue, job.id);
          else await this.boss.fail(queue, job.id, (result.output ?? null) as object | null);
        }
        ran += jobs.length;
      }
      if (ran === 0) return handled;
      handled += ran;
    }
    throw new Error("timers kept scheduling due work: a handler loops");
  }

  /** Jobs still waiting (created or retry) on a queue: for tests and the benchmark. */
  async pending(queue: QueueName): Promise<number> {
    const { rows } = await this.boss
      .getDb()
      .executeSql(`SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state < 'active'`, [queue]);
    return (rows[0] as { n: number }).n;
  }

  /** Every queue's jobs by state, counted by the database now: for metrics. */
  async queueStats(): Promise<QueueStats[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT name,
              count(*) FILTER (WHERE state < 'active' AND start_after <= t.now)::int AS due,
              count(*) FILTER (WHERE state < 'active' AND start_after > t.now)::int AS scheduled,
              count(*) FILTER (WHERE state = 'active')::int AS active,
              coalesce(extract(epoch FROM t.now - min(start_after) FILTER (WHERE state < 'active' AND start_after <= t.now)), 0)::float8 AS oldest
         FROM ${BOSS_SCHEMA}.job, (SELECT ${BOSS_SCHEMA}.job_now() AS now) t
        WHERE name = ANY($1::text[]) AND state <= 'active'
        GROUP BY name, t.now`,
      [ALL_QUEUES],
    );
    type Row = { name: string; due: number; scheduled: number; active: number; oldest: number };
    const found = new Map((rows as Row[]).map((r) => [r.name, r]));
    return ALL_QUEUES.map((queue) => {
      const r = found.get(queue);
      return {
        queue,
        due: r?.due ?? 0,
        scheduled: r?.scheduled ?? 0,
        active: r?.active ?? 0,
        oldestDueSeconds: r?.oldest ?? 0,
      };
    });
  }

  /** Runs pg-boss maintenance now: expired jobs of dead workers go back to the queue. */
  async supervise(): Promise<void> {
    await this.boss.supervise();
  }
}
