import 'server-only';
import type { GradingJob } from './gradingJob';
import { getGrading } from './startGrading';

/** Sends a job to the grading workers (in this process, or the durable queue for separate workers). */
export async function enqueueGrading(job: GradingJob): Promise<void> {
  const runtime = getGrading();
  if (runtime) await runtime.enqueue(job);
}
