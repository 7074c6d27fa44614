import { listQueuedSubmissions, listUnfinishedRegradeItems, type DbHandle } from '@deltalab/db';
import {
  createGradingQueue,
  GradingProcessPool,
  startGradingWorkers,
  type GradingPool,
  type GradingQueue,
  type GradingWorkers,
} from '@deltalab/grader';
import { env } from '@/env';
import { stage } from '../breakdown';
import { announceRecorded } from './finishedSubmissions';
import { gradingStore, type SiteClaim } from './gradingAdapter';
import type { SubmissionIntake } from '../services/submissions/createSubmission';

export interface GradingRuntime {
  queue: GradingQueue;
  workers: GradingWorkers<SiteClaim> | null;
  /** Where the submit path sends what it stores (createSubmission's `queue`). */
  intake: SubmissionIntake;
  stop(): Promise<void>;
}

// On globalThis: Next bundles instrumentation and routes separately, but they share the process.
const holder = globalThis as typeof globalThis & {
  __deltalabGrading?: Promise<GradingRuntime>;
  __deltalabGradingPool?: GradingProcessPool;
};

/**
 * This process's grading child processes (created on first use, from DELTALAB_GRADING_* settings): the only place
 * student code runs, for the queue's workers and for instructors' previews alike.
 */
export function gradingPool(): GradingProcessPool {
  holder.__deltalabGradingPool ??= new GradingProcessPool({
    children: env.DELTALAB_GRADING_CHILDREN,
    isolatesPerChild: env.DELTALAB_GRADING_ISOLATES,
    memoryCeilingMb: env.DELTALAB_GRADING_CHILD_MEMORY_MB,
    ...(env.DELTALAB_GRADING_USER ? { user: env.DELTALAB_GRADING_USER } : {}),
  });
  return holder.__deltalabGradingPool;
}

export type StartGradingOptions = {
  /** Grade in this process (its grading children); otherwise only enqueue. */
  workers: boolean;
  /**
   * This process is the only one that grades (the embedded database): submissions left `running` by a previous
   * run were orphaned by its death, and their jobs are handed back at once instead of after they expire.
   */
  soleGrader?: boolean;
  /** Tests: a runtime of its own, no recovery of old rows. */
  fresh?: boolean;
  /** How long a submission may sit `queued` before the sweep enqueues it again (default 30 s; tests shorten it). */
  staleQueuedMs?: number;
};

/**
 * Opens the durable grading queue (pg-boss on our database) and, when `workers` is set, grades from it in this
 * process. Unfinished submissions (e.g. stored just before a crash) are queued again at start; a submission is
 * never queued twice, and recording is exactly-once.
 */
export function startGrading(handle: DbHandle, options: StartGradingOptions): Promise<GradingRuntime> {
  if (options.fresh) return openGrading(handle, options, false);
  holder.__deltalabGrading ??= openGrading(handle, options, true).catch((error: unknown) => {
    holder.__deltalabGrading = undefined;
    throw error;
  });
  return holder.__deltalabGrading;
}

async function openGrading(handle: DbHandle, options: StartGradingOptions, recover: boolean): Promise<GradingRuntime> {
  const queue = await createGradingQueue({
    executeSql: (text, values) => stage(queueStatement(text), () => handle.executeSql(text, values)),
    // Workers in other processes (PostgreSQL) are woken by NOTIFY; on PGlite every worker is in this process.
    ...(handle.driver === 'postgres' ? { listen: (channel, onNotify) => handle.listen(channel, onNotify) } : {}),
  });
  // On PGlite the requests waiting for grades are in this process: they get the recorded rows, not a NOTIFY.
  const store = gradingStore(handle.db, handle.driver === 'pglite' ? (rows) => announceRecorded(handle, rows) : undefined);
  const workers = options.workers ? await startGradingWorkers({ queue, pool: measuredStages(gradingPool()), store }) : null;
  const intake: SubmissionIntake = {
    sameStatement: queue.sameStatement,
    queued: () => queue.queued(),
    // Only where this process grades: a process that only enqueues has no children to ready.
    prepare: (variant) => {
      if (workers) gradingPool().prepare(variant);
    },
    reserve: () => {
      const slot = workers?.reserve();
      return slot
        ? {
            sameStatement: { insertJobs: queue.sameStatement.insertTakenJobs, wakeWorkers: null, taken: true },
            take: (claim) => slot.take(claim.submissionId, () => store.claimsOf([claim])),
            cancel: () => slot.cancel(),
          }
        : null;
    },
  };
  if (options.workers && recover) {
    // Regrade items are jobs of the same queue: queued again at a start like unfinished submissions.
    const unfinished = [...(await listQueuedSubmissions(handle.db)), ...(await listUnfinishedRegradeItems(handle.db))];
    const orphaned = options.soleGrader ? unfinished.filter((s) => s.status === 'running') : [];
    await queue.recover(
      unfinished.map((s) => s.id),
      orphaned.map((s) => s.id),
    );
  }
  const sweep = options.workers ? sweepStaleQueued(handle, queue, options.staleQueuedMs ?? STALE_QUEUED_MS) : null;
  return {
    queue,
    workers,
    intake,
    async stop() {
      if (sweep) clearInterval(sweep);
      await workers?.stop();
      await queue.stop();
    },
  };
}

/** What a statement pg-boss sends is for, as the load benchmark's breakdown names it. */
function queueStatement(text: string): string {
  if (/^\s*SELECT pg_notify/i.test(text)) return 'statement: NOTIFY the grading workers';
  if (/INSERT INTO \S+\.job\b/i.test(text)) return 'statement: enqueue (pg-boss)';
  if (/FOR UPDATE SKIP LOCKED/i.test(text)) return 'statement: fetch jobs (pg-boss)';
  if (/state = 'completed'/i.test(text)) return 'statement: complete jobs (pg-boss)';
  return 'statement: pg-boss, other';
}

/** The pool as the workers see it, each grade a stage of the breakdown (the supervisor's compile, the child's grade). */
function measuredStages(pool: GradingPool): GradingPool {
  return {
    capacity: pool.capacity,
    memoryCeilingMb: pool.memoryCeilingMb,
    grade: (request, options) => stage('grade: compile, then a grading child', () => pool.grade(request, options)),
  };
}

/** A submission still `queued` this long after it was stored may have no job: its enqueue failed. */
const STALE_QUEUED_MS = 30_000;

/**
 * Every `staleMs` (30 s), enqueues submissions that have sat `queued` for longer. The enqueue after a submission is stored can
 * fail (the database restarting between the two statements); the submission is acknowledged all the same, so a
 * worker must find it without waiting for a restart. Enqueueing is idempotent (the job id is the submission id),
 * so submissions that do have a job, and several processes sweeping, cost nothing but the query.
 */
function sweepStaleQueued(handle: DbHandle, queue: GradingQueue, staleMs: number): NodeJS.Timeout {
  const timer = setInterval(() => {
    void (async () => {
      const before = Date.now() - staleMs;
      const stale = (await listQueuedSubmissions(handle.db)).filter((s) => s.status === 'queued' && s.queuedAt.getTime() < before);
      if (stale.length > 0) await queue.enqueue(stale.map((s) => s.id));
    })().catch((error: unknown) => console.error('sweeping stale queued submissions failed', error));
  }, staleMs);
  timer.unref();
  return timer;
}

/** The grading runtime of this process: the one started, else one opened to enqueue only (this process does not grade). */
function gradingRuntime(handle: DbHandle): Promise<GradingRuntime> {
  return holder.__deltalabGrading ?? startGrading(handle, { workers: false });
}

/** Where the submit path sends a submission: the queue, and this process's workers if it grades. */
export async function gradingIntake(handle: DbHandle): Promise<SubmissionIntake> {
  return (await gradingRuntime(handle)).intake;
}

/** Queues a stored submission for grading (durable: a worker in any process picks it up). */
export async function enqueueGrading(handle: DbHandle, submissionId: string): Promise<void> {
  await enqueueJobs(handle, [submissionId]);
}

/** Queues stored jobs (submissions, or a regrade's items) in one statement. */
export async function enqueueJobs(handle: DbHandle, jobIds: string[]): Promise<void> {
  const { queue } = await gradingRuntime(handle);
  for (let i = 0; i < jobIds.length; i += 1000) await queue.enqueue(jobIds.slice(i, i + 1000));
}

/** Stops the workers, then the grading children (worker shutdown, tests). */
export async function stopGrading(): Promise<void> {
  const runtime = holder.__deltalabGrading;
  holder.__deltalabGrading = undefined;
  await (await runtime)?.stop();
  const pool = holder.__deltalabGradingPool;
  holder.__deltalabGradingPool = undefined;
  await pool?.close();
}
