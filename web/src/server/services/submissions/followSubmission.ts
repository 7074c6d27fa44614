import { z } from 'zod';
import { selectOptionalSubmissionWithVisibility, type DbHandle, type Submission, type SubmissionVisibility } from '@deltalab/db';
import { stage } from '@/server/breakdown';
import { watchSubmission, type SubmissionWatch } from '@/server/grading/finishedSubmissions';
import { assertViewerMaySee, getSubmissionForViewer, parseSubmissionId } from './getSubmission';
import { SubmissionError } from './submissionError';

/** `?wait=` on GET /api/submissions/:id: how long to hold the request for the grade, in seconds. */
const MAX_WAIT_SECONDS = 30;
const waitSeconds = z.coerce
  .number({ error: `wait must be a number of seconds from 0 to ${MAX_WAIT_SECONDS}` })
  .min(0, { error: `wait must be a number of seconds from 0 to ${MAX_WAIT_SECONDS}` })
  .max(MAX_WAIT_SECONDS, { error: `wait must be a number of seconds from 0 to ${MAX_WAIT_SECONDS}` });

export function parseWaitSeconds(value: string | null): number {
  if (value === null || value === '') return 0;
  const parsed = waitSeconds.safeParse(value);
  if (!parsed.success) throw new SubmissionError('invalid-request', `${parsed.error.issues[0]!.message} (got '${value}').`);
  return parsed.data;
}

const unfinished = (submission: Pick<Submission, 'status'>) => submission.status === 'queued' || submission.status === 'running';

/**
 * A submission as its owner (or an instructor) may see it; with `waitMs`, held until it is graded (or failed), the
 * wait runs out, or the client goes away: the page learns its grade the moment it is recorded, with one request.
 */
export async function followSubmission(
  handle: DbHandle,
  viewerId: string,
  id: string,
  options: { waitMs?: number; signal?: AbortSignal } = {},
): Promise<Submission & { visibility?: SubmissionVisibility | null }> {
  const waitMs = options.waitMs ?? 0;
  if (waitMs <= 0) return getSubmissionForViewer(handle.db, viewerId, id);
  const submissionId = parseSubmissionId(id);
  // Watch first, then read: a grade recorded between the two is not missed. The first read is the whole submission:
  // graded already, it is the answer (one statement); still queued, it is read again once its grade is recorded.
  const watch = await watchSubmission(handle, submissionId);
  try {
    const first = await assertViewerMaySee(
      handle.db,
      viewerId,
      id,
      await stage('statement: read submission', () => selectOptionalSubmissionWithVisibility(handle.db, submissionId)),
    );
    if (!unfinished(first)) return first;
    return await awaitGrade(handle, watch, first, waitMs, options.signal);
  } finally {
    watch.stop();
  }
}

/**
 * Holds until `first`, a submission still queued or running whose watch started before it was read (or stored), is
 * graded or failed, `waitMs` pass, or the client goes away; then answers with it as it is.
 */
export async function awaitGrade(
  handle: DbHandle,
  watch: SubmissionWatch,
  first: Submission & { visibility: SubmissionVisibility | null },
  waitMs: number,
  signal?: AbortSignal,
): Promise<Submission & { visibility: SubmissionVisibility | null }> {
  let timer: NodeJS.Timeout | undefined;
  // (No stage of the breakdown: the grading stages run while this waits, and its CPU would count them twice.)
  const recorded = await Promise.race([
    watch.finished,
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), waitMs);
      signal?.addEventListener('abort', () => resolve(null), { once: true });
    }),
  ]);
  clearTimeout(timer);
  // Recorded by this process (the embedded database): the row as recorded, under the rules the first read found.
  if (recorded) return { ...recorded, visibility: first.visibility };
  return await readWithVisibility(handle, first.id);
}

/** The submission and its course's visibility rules, in one statement (the same round trip as reading it alone). */
async function readWithVisibility(handle: DbHandle, id: string) {
  const submission = await stage('statement: read submission', () => selectOptionalSubmissionWithVisibility(handle.db, id));
  if (!submission) throw new SubmissionError('not-found', `No submission ${id}.`);
  return submission;
}
