import { randomUUID } from 'node:crypto';
import type { DbHandle, Submission, SubmissionVisibility } from '@deltalab/db';
import { watchSubmission } from '@/server/grading/finishedSubmissions';
import { createSubmissionWithVisibility, type CreateSubmissionInput } from './createSubmission';
import { awaitGrade } from './followSubmission';

/**
 * POST /api/submissions?wait=…: stores the submission (createSubmission's checks and statement), then holds until it
 * is graded or failed, `waitMs` pass, or the client goes away, and gives it as its student may see it. Its grade is
 * watched for under the id it is then stored with, so a grade recorded however soon after is not missed.
 */
export async function submitAndAwaitGrade(
  handle: DbHandle,
  input: Omit<CreateSubmissionInput, 'id'>,
  options: { waitMs: number; signal?: AbortSignal },
): Promise<Submission & { visibility: SubmissionVisibility | null }> {
  const id = randomUUID();
  const watch = await watchSubmission(handle, id);
  try {
    const { submission, visibility } = await createSubmissionWithVisibility(handle.db, { ...input, id });
    return await awaitGrade(handle, watch, { ...submission, visibility }, options.waitMs, options.signal);
  } finally {
    watch.stop();
  }
}
