import type PgBoss from 'pg-boss';
import { GradeRequestError, gradeSubmission } from '../gradeSubmission';
import { isInternalFailure, type GradeError, type GradeRequest, type GradeResult } from '../protocol';
import type { IsolatePool } from '../sandbox';
import { GRADER_VERSION } from '../version';
import type { GradingJobData, GradingQueue } from './gradingQueue';

export type JobContext = {
  submissionId: string;
  jobId: string;
  /** 1 for the first try; retries after an internal failure or a dead worker count up. */
  attempt: number;
};

export type GradingFailure = JobContext & {
  /** `internal`: the grader failed (not the student: do not charge an attempt). `request`: the stored submission cannot be graded. */
  error: GradeError | { kind: 'request'; message: string };
  /** True when no retry follows: record the failure. False: pg-boss retries after a backoff. */
  final: boolean;
};

export type GradingWorkersOptions = {
  queue: GradingQueue;
  /** Jobs graded at once by this process (sandbox parallelism is the pool's size). Default 2. */
  concurrency?: number;
  /** The stored submission as a grade request; null when it no longer needs grading (deleted, already graded). */
  loadJob(submissionId: string): Promise<GradeRequest | null>;
  /** Called when grading starts (e.g. mark the submission `running`). */
  onStart?(job: JobContext): Promise<void> | void;
  /**
   * Record the result. Must be idempotent (e.g. `UPDATE … WHERE status <> 'graded'`): pg-boss delivers at
   * least once, so a worker that dies after recording but before acknowledging causes a second call.
   * Throwing makes the job retry.
   */
  onResult(job: JobContext & { result: GradeResult }): Promise<void> | void;
  onFailure?(failure: GradingFailure): Promise<void> | void;
  /** Isolate pool to grade with (defaults to the process-wide one). */
  pool?: IsolatePool;
};

export type GradingWorkers = { stop(): Promise<void> };

class RetryableGradingFailure extends Error {}

/**
 * Pulls grading jobs from the queue and grades them. A student's failure (timeout, wrong answer) is a
 * normal result. An internal failure is retried with backoff (pg-boss retryLimit/retryBackoff) and
 * reported through onFailure; a worker killed mid-job leaves its job `active` until `expireInSeconds`,
 * after which pg-boss's maintenance puts it back for another worker.
 */
export async function startGradingWorkers(options: GradingWorkersOptions): Promise<GradingWorkers> {
  const { queue } = options;
  const concurrency = options.concurrency ?? 2;
  const workerIds: string[] = [];

  const handle = async (job: PgBoss.JobWithMetadata<GradingJobData>): Promise<void> => {
    const context: JobContext = { submissionId: job.data.submissionId, jobId: job.id, attempt: job.retryCount + 1 };
    const final = job.retryCount >= job.retryLimit;
    const request = await options.loadJob(context.submissionId);
    if (!request) return; // nothing to grade any more: complete the job quietly
    await options.onStart?.(context);

    let result: GradeResult;
    try {
      result = await gradeSubmission(request, options.pool ? { pool: options.pool } : {});
    } catch (error) {
      if (error instanceof GradeRequestError) {
        // A stored submission that can never be graded (e.g. its exercise was removed): retrying will not help.
        await options.onFailure?.({ ...context, error: { kind: 'request', message: error.message }, final: true });
        return;
      }
      result = internalResult(request, error);
    }

    if (isInternalFailure(result)) {
      const error = result.error!;
      await options.onFailure?.({ ...context, error, final });
      if (!final) throw new RetryableGradingFailure(error.message);
      return;
    }
    await options.onResult({ ...context, result });
  };

  for (let i = 0; i < concurrency; i++) {
    workerIds.push(
      await queue.boss.work<GradingJobData>(
        queue.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: queue.settings.pollingIntervalSeconds },
        async ([job]) => {
          if (job) await handle(job);
        },
      ),
    );
  }

  return {
    stop: async () => {
      await Promise.all(workerIds.map((id) => queue.boss.offWork({ id })));
    },
  };
}

function internalResult(request: GradeRequest, error: unknown): GradeResult {
  return {
    exercise: request.exercise,
    variant: request.variant ?? 'canonical',
    kind: request.submission.kind,
    score: 0,
    passed: false,
    error: { kind: 'internal', message: `The grader failed: ${error instanceof Error ? error.message : String(error)}` },
    timings: { totalMs: 0 },
    exerciseVersion: 'unknown',
    graderVersion: GRADER_VERSION,
  };
}
