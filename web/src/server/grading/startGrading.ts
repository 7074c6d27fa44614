import 'server-only';
import { listQueuedSubmissions, type DbHandle } from '@deltalab/db';
import { gradeWithGrader } from './gradeWithGrader';
import { gradingJobFor, type GradingJob } from './gradingJob';
import { processSubmission } from './processSubmission';

export interface GradingRuntime {
  enqueue(job: GradingJob): Promise<void>;
  stop(): Promise<void>;
}

const holder = globalThis as typeof globalThis & { __deltalabGrading?: GradingRuntime };

/**
 * Starts grading in this process: a FIFO worker over stored submissions. Unfinished submissions (queued, or
 * running when the last process died) are picked up again at start.
 */
export async function startGrading(handle: DbHandle, _options: { role: 'web' | 'worker' }): Promise<GradingRuntime> {
  if (holder.__deltalabGrading) return holder.__deltalabGrading;
  const queue: GradingJob[] = [];
  let running = false;
  let stopped = false;
  async function drain() {
    if (running) return;
    running = true;
    try {
      while (!stopped && queue.length > 0) {
        const job = queue.shift()!;
        try {
          await processSubmission(handle.db, job.submissionId, (s) => gradeWithGrader(s, job.exercise), {
            courseExerciseSlug: job.exercise,
          });
        } catch (error) {
          console.error(`grading ${job.submissionId} crashed`, error);
        }
      }
    } finally {
      running = false;
    }
  }
  const runtime: GradingRuntime = {
    async enqueue(job) {
      queue.push(job);
      void drain();
    },
    async stop() {
      stopped = true;
    },
  };
  holder.__deltalabGrading = runtime;
  for (const submission of await listQueuedSubmissions(handle.db)) await runtime.enqueue(await gradingJobFor(handle.db, submission));
  return runtime;
}

/** The running grading runtime (started by instrumentation), or an error if grading is not running here. */
export function getGrading(): GradingRuntime | undefined {
  return holder.__deltalabGrading;
}
