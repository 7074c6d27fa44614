import PgBoss from 'pg-boss';

/** What pg-boss needs from a database handle: @deltalab/db's `executeSql` fits (PGlite and postgres.js). */
export type SqlExecutor = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
};

export type GradingQueueOptions = (
  | { executeSql: SqlExecutor['executeSql']; connectionString?: never }
  | { connectionString: string; executeSql?: never }
) & {
  /** pg-boss queue name (default 'grade-submission'). */
  name?: string;
  /** Postgres schema pg-boss installs its tables into (default 'pgboss'). */
  schema?: string;
  /** Attempts after the first for an internal failure or a worker that died (default 3). */
  retryLimit?: number;
  /** First retry delay; doubled each time (pg-boss retryBackoff). Default 2 s. */
  retryDelaySeconds?: number;
  /**
   * A job active for longer than this is taken to have lost its worker (killed, machine gone) and is
   * retried. Grading is limited to seconds, so a minute is generous. Default 60 s.
   */
  expireInSeconds?: number;
  /** How often expired jobs are swept (pg-boss maintenance). Default 30 s. */
  maintenanceIntervalSeconds?: number;
  /** How often idle workers poll (pg-boss minimum is 0.5 s). Default 1 s. */
  pollingIntervalSeconds?: number;
};

export type GradingJobData = { submissionId: string };

export type GradingQueue = {
  readonly name: string;
  readonly boss: PgBoss;
  readonly settings: Required<Pick<GradingQueueOptions, 'retryLimit' | 'retryDelaySeconds' | 'expireInSeconds' | 'pollingIntervalSeconds'>>;
  /** Queues a stored submission for grading; returns the job id (null when pg-boss refuses a duplicate). */
  enqueue(submissionId: string): Promise<string | null>;
  /** Stops pg-boss (workers finish their current job first, up to `timeoutMs`). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
};

const DEFAULT_NAME = 'grade-submission';

/**
 * A durable grading queue on Postgres (pg-boss 10). The database handle is the caller's: pass
 * `executeSql` (PGlite in-process, or postgres.js) or a `connectionString` (pg-boss opens its own pool).
 * Installs pg-boss's schema on first start.
 */
export async function createGradingQueue(options: GradingQueueOptions): Promise<GradingQueue> {
  const name = options.name ?? DEFAULT_NAME;
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

  return {
    name,
    boss,
    settings,
    enqueue: (submissionId) =>
      boss.send(name, { submissionId } satisfies GradingJobData, {
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: settings.expireInSeconds,
      }),
    stop: async ({ timeoutMs = 10_000 } = {}) => {
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
    },
  };
}
