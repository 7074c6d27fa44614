import 'server-only';
import { getDbHandle } from '../db';
import type { GradingJob } from './gradingJob';
import { runningGrading, startGrading } from './startGrading';

/** Queues a stored submission for grading (the queue is durable: a worker in any process picks it up). */
export async function enqueueGrading(job: GradingJob): Promise<void> {
  const runtime = await (runningGrading() ?? startGrading(await getDbHandle(), { workers: false }));
  await runtime.queue.enqueue(job.submissionId);
}
