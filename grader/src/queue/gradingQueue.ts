import PgBoss from 'pg-boss';
import type { GradingJob } from './gradingStore';

/** What pg-boss needs from a database handle: @deltalab/db's `executeSql` fits (PGlite and postgres.js). */
export type SqlExecutor = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
};

/** LISTEN on a channel; resolves to the function that stops listening (@deltalab/db's `listen` fits). */
export type Listen = (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;

export type GradingQueueOptions = (
  { executeSql: SqlExecutor['executeSql']; connectionString?: never } | { connectionString: string; executeSql?: never }
) & {
  /**
   * Wakes workers in other processes when a job is queued (Postgres LISTEN/NOTIFY) instead of leaving them to
   * their next poll. Workers in the same process as the enqueuer are woken directly either way.
   */
  listen?: Listen;
  /** pg-boss queue name (default 'grade-submission'). */
  name?: string;
  /** Postgres schema pg-boss installs its tables into (default 'pgboss'). */
  schema?: string;
  /** Attempts after the first for an internal failure or a worker that died (default 3). */
  retryLimit?: number;
  /** First retry delay; doubled each time (pg-boss retryBackoff). Default 2 s. */
  retryDelaySeconds?: number;
  /**
   * A job active for longer than this is taken to have lost its worker (the whole process was killed, the machine
   * went away) and is retried. Grading is limited to seconds, so a minute is generous. Default 60 s.
   */
  expireInSeconds?: number;
  /** How often expired jobs are swept (pg-boss maintenance). Default 30 s. */
  maintenanceIntervalSeconds?: number;
  /** How often idle workers look for work nobody announced (retries whose backoff ended). Default 1 s. */
  pollingIntervalSeconds?: number;
};

export type GradingQueue = {
  readonly name: string;
  readonly boss: PgBoss;
  readonly settings: Required<Pick<GradingQueueOptions, 'retryLimit' | 'retryDelaySeconds' | 'expireInSeconds' | 'pollingIntervalSeconds'>>;
  /** Queues stored submissions for grading, in one statement. A submission already queued is not queued twice. */
  enqueue(submissionIds: string[]): Promise<void>;
  /**
   * For a caller that stores submissions and queues them in one statement of its own (the web's submit path: a stored
   * submission then always has its job): `insertJobs(source)` queues every `id` of the relation `source` as `enqueue`
   * does (pg-boss 10's insert, with this queue's settings), to run as a data-modifying CTE; `wakeWorkers`, where
   * workers in other processes listen, is the select-list expression that tells them (pg_notify). Once the statement
   * has committed, `queued()` wakes this process's workers.
   */
  readonly sameStatement: { insertJobs(source: string): string; wakeWorkers: string | null };
  queued(): void;
  /**
   * After a restart: queues the unfinished submissions whose jobs are gone, revives those whose jobs failed for
   * good, and hands back at once the jobs of `orphaned` submissions (running when the only worker process died).
   */
  recover(unfinished: string[], orphaned?: string[]): Promise<void>;
  /** Takes up to `count` jobs (marks them active). */
  fetch(count: number): Promise<GradingJob[]>;
  complete(jobIds: string[]): Promise<void>;
  /** Gives a job back for a retry after pg-boss's backoff (or fails it for good once its retries are used up). */
  retryLater(jobId: string, reason: string): Promise<void>;
  /** Calls `onWake` whenever work may have arrived; returns the function that stops it. */
  onWake(onWake: () => void): () => void;
  /** Stops pg-boss (and the LISTEN). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
};

const DEFAULT_NAME = 'grade-submission';

/**
 * A durable grading queue on Postgres (pg-boss 10). The database handle is the caller's: pass `executeSql` (PGlite
 * in-process, or postgres.js) or a `connectionString` (pg-boss opens its own pool). Installs pg-boss's schema on
 * first start. The job id is the submission id, so enqueueing is idempotent.
 */
export async function createGradingQueue(options: GradingQueueOptions): Promise<GradingQueue> {
  const name = options.name ?? DEFAULT_NAME;
  // A plain identifier: LISTEN takes one.
  const channel = `${name.replace(/\W/g, '_')}_queued`;
  const settings = {
    retryLimit: options.retryLimit ?? 3,
    retryDelaySeconds: options.retryDelaySeconds ?? 2,
    expireInSeconds: options.expireInSeconds ?? 60,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
  };
  const common = {
    schema: options.schema ?? 'pgboss',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    // no cron schedules: nothing here needs them, and the timekeeper is one more timer hitting the db
    schedule: false,
  };
  const boss = options.executeSql
    ? new PgBoss({ ...common, db: { executeSql: (text: string, values: unknown[]) => options.executeSql(text, values) } })
    : new PgBoss({ ...common, connectionString: options.connectionString! });
  // pg-boss reports background errors as events; without a listener Node would throw them.
  boss.on('error', (error) => console.error(`[grader queue] ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  await boss.createQueue(name, {
    name,
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
  });
  const executeSql = (text: string, values: unknown[]) => boss.getDb().executeSql(text, values);

  const wakers = new Set<() => void>();
  const wakeLocal = () => {
    for (const wake of wakers) wake();
  };
  const unlisten = options.listen ? await options.listen(channel, wakeLocal) : null;
  const insert = async (submissionIds: string[]) => {
    if (submissionIds.length === 0) return;
    // insert(): one statement for the batch, ON CONFLICT DO NOTHING on (name, id)
    await boss.insert(submissionIds.map((id) => ({ id, name, data: { submissionId: id } })));
    wakeLocal();
    if (options.listen) await executeSql('SELECT pg_notify($1, $2)', [channel, '']);
  };

  const schema = common.schema;
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  // What boss.insert() writes for a job with no options of its own (pg-boss 10's insertJobs plan): the queue's settings,
  // else pg-boss's defaults. gradingQueue.test.ts compares the two rows.
  const insertJobs = (source: string) => `insert into ${schema}.job
      (id, name, data, retry_limit, retry_delay, retry_backoff, expire_in, keep_until, policy, dead_letter)
    select ${source}.id, q.name, jsonb_build_object('submissionId', ${source}.id), coalesce(q.retry_limit, 2),
      case when coalesce(q.retry_backoff, false) then greatest(q.retry_delay, 1) else coalesce(q.retry_delay, 0) end,
      coalesce(q.retry_backoff, false), coalesce(q.expire_seconds * interval '1 second', interval '15 minutes'),
      now() + cast(coalesce((q.retention_minutes * 60)::text, '14 days') as interval), q.policy, q.dead_letter
    from ${source} join ${schema}.queue q on q.name = ${literal(name)}
    on conflict do nothing`;

  return {
    name,
    boss,
    settings,
    enqueue: insert,
    sameStatement: { insertJobs, wakeWorkers: options.listen ? `pg_notify(${literal(channel)}, '')` : null },
    queued: wakeLocal,
    async recover(unfinished, orphaned = []) {
      // Their worker process is gone (the caller knows it was the only one): hand them back now, not at expiry.
      if (orphaned.length > 0) await boss.fail(name, orphaned);
      await insert(unfinished);
      if (unfinished.length > 0) await boss.retry(name, unfinished);
    },
    async fetch(count) {
      const jobs = await boss.fetch<{ submissionId: string }>(name, { batchSize: count, includeMetadata: true });
      return jobs.map((job) => ({
        submissionId: job.data.submissionId,
        id: job.id,
        attempt: job.retryCount + 1,
        final: job.retryCount >= job.retryLimit,
      }));
    },
    async complete(jobIds) {
      if (jobIds.length > 0) await boss.complete(name, jobIds);
    },
    async retryLater(jobId, reason) {
      await boss.fail(name, jobId, { message: reason });
    },
    onWake(onWake) {
      wakers.add(onWake);
      return () => wakers.delete(onWake);
    },
    stop: async ({ timeoutMs = 10_000 } = {}) => {
      await unlisten?.();
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
    },
  };
}
