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
   * For a caller that runs the queue's statements inside its own (the web's submit path stores and queues in one, so
   * a stored submission always has its job; its grading store takes and claims in one, records and completes in
   * one). Once a statement that queued has committed, `queued()` wakes this process's workers.
   */
  readonly sameStatement: SameStatement;
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

/**
 * This queue's statements as SQL a caller runs inside a statement of its own (data-modifying CTEs), so that storing a
 * submission and queueing it, taking jobs and claiming their submissions, recording grades and completing their jobs
 * each cost one round trip. Every job's id is its submission's (or regrade item's) id, which is what joins them.
 */
export type SameStatement = {
  /** Queues every `id` of the relation `source`, as `enqueue` does (pg-boss 10's insert, with this queue's settings). */
  insertJobs(source: string): string;
  /**
   * Inserts the jobs of `source` already taken (active, started now, first try), as `takeJobs` would leave them: for
   * a caller whose own workers grade them at once (GradingWorkers.reserve). They complete, expire and retry as any.
   */
  insertTakenJobs(source: string): string;
  /**
   * Takes up to `count` jobs as `fetch` does (pg-boss 10's fetchNextJob for a standard queue: due jobs by priority,
   * then age, skipping rows other workers hold; marked active, a retry's count raised) and returns them as
   * `id, submission_id, attempt, final`: a GradingJob's fields.
   */
  takeJobs(count: number): string;
  /** Completes the active jobs whose ids are the `id`s of the relation `source` (pg-boss 10's complete). */
  completeJobs(source: string): string;
  /** Where workers in other processes listen: the select-list expression that tells them (pg_notify). */
  wakeWorkers: string | null;
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
  const insertJobsAs = (source: string, taken: boolean) => `insert into ${schema}.job
      (id, name, data, retry_limit, retry_delay, retry_backoff, expire_in, keep_until, policy, dead_letter${taken ? ', state, started_on' : ''})
    select ${source}.id, q.name, jsonb_build_object('submissionId', ${source}.id), coalesce(q.retry_limit, 2),
      case when coalesce(q.retry_backoff, false) then greatest(q.retry_delay, 1) else coalesce(q.retry_delay, 0) end,
      coalesce(q.retry_backoff, false), coalesce(q.expire_seconds * interval '1 second', interval '15 minutes'),
      now() + cast(coalesce((q.retention_minutes * 60)::text, '14 days') as interval), q.policy, q.dead_letter${taken ? `, 'active', now()` : ''}
    from ${source} join ${schema}.queue q on q.name = ${literal(name)}
    on conflict do nothing`;
  const insertJobs = (source: string) => insertJobsAs(source, false);
  const insertTakenJobs = (source: string) => insertJobsAs(source, true);
  // pg-boss's fetchNextJob without its singleton/stately grouping (this queue's policy is standard); its states are
  // ordered, 'created' and 'retry' before 'active'. gradingQueue.test.ts checks the rows match fetch()'s.
  // `next` is materialized: were it planned into the update as a subquery, its LIMIT could be applied more than once.
  const takeJobs = (count: number) => `with next as materialized (
      select id from ${schema}.job
      where name = ${literal(name)} and state < 'active' and start_after < now()
      order by priority desc, created_on, id
      limit ${Math.max(1, Math.floor(count))}
      for update skip locked
    )
    update ${schema}.job j
    set state = 'active', started_on = now(),
      retry_count = case when j.started_on is not null then j.retry_count + 1 else j.retry_count end
    from next
    where j.name = ${literal(name)} and j.id = next.id
    returning j.id, j.data->>'submissionId' as submission_id, j.retry_count + 1 as attempt, j.retry_count >= j.retry_limit as final`;
  // By (name, id), the primary key, through the array: as `id in (select …)` the planner hash-joined and read every job
  // of the queue, completed ones included (kept 14 days), for each statement.
  const completeJobs = (source: string) => `update ${schema}.job
    set completed_on = now(), state = 'completed', output = null
    where name = ${literal(name)} and id = any (array(select id from ${source})) and state = 'active'`;

  return {
    name,
    boss,
    settings,
    enqueue: insert,
    sameStatement: {
      insertJobs,
      insertTakenJobs,
      takeJobs,
      completeJobs,
      wakeWorkers: options.listen ? `pg_notify(${literal(channel)}, '')` : null,
    },
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
