import { listQueuedSubmissions, type DbHandle } from '@deltalab/db';
import { createGradingQueue, startGradingWorkers, type GradingQueue, type GradingWorkers } from '@deltalab/grader';
import { gradingStorage } from './gradingStorage';

export interface GradingRuntime {
  queue: GradingQueue;
  workers: GradingWorkers | null;
  stop(): Promise<void>;
}

// On globalThis: Next bundles instrumentation and routes separately, but they share the process.
const holder = globalThis as typeof globalThis & { __deltalabGrading?: Promise<GradingRuntime> };

/**
 * Opens the durable grading queue (pg-boss on our database) and, when `workers` is set, grades from it in this
 * process. Unfinished submissions (e.g. stored just before a crash) are queued again at start; recording is
 * exactly-once, so a duplicate job is harmless.
 */
export function startGrading(
  handle: DbHandle,
  options: { workers: boolean; concurrency?: number; /** Tests: a runtime of its own, no recovery of old rows. */ fresh?: boolean },
): Promise<GradingRuntime> {
  if (options.fresh) return openGrading(handle, options, false);
  holder.__deltalabGrading ??= openGrading(handle, options, true).catch((error: unknown) => {
    holder.__deltalabGrading = undefined;
    throw error;
  });
  return holder.__deltalabGrading;
}

async function openGrading(
  handle: DbHandle,
  options: { workers: boolean; concurrency?: number },
  recover: boolean,
): Promise<GradingRuntime> {
  const queue = await createGradingQueue({ executeSql: (text, values) => handle.executeSql(text, values) });
  const workers = options.workers
    ? await startGradingWorkers({ queue, concurrency: options.concurrency ?? 2, ...gradingStorage(handle.db) })
    : null;
  if (options.workers && recover) {
    for (const submission of await listQueuedSubmissions(handle.db)) await queue.enqueue(submission.id);
  }
  return {
    queue,
    workers,
    async stop() {
      await workers?.stop();
      await queue.stop();
    },
  };
}

/** The grading runtime of this process, if started. */
export function runningGrading(): Promise<GradingRuntime> | undefined {
  return holder.__deltalabGrading;
}
