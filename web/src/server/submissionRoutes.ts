import 'server-only';
import { submissionRateLimit } from '@/env';
import type { JsonAnswer } from './api';
import type { SessionUser } from './auth/session';
import { getDbHandle } from './db';
import { gradingIntake } from './grading/startGrading';
import { createSubmission } from './services/submissions/createSubmission';
import { followSubmission, parseWaitSeconds } from './services/submissions/followSubmission';
import { submitAndAwaitGrade } from './services/submissions/submitAndAwaitGrade';
import { submissionView, type SubmissionAccepted, type SubmissionView } from './services/submissions/getSubmission';

/**
 * The two requests every submission makes, whoever receives them: the app's route handlers (app/api/submissions,
 * under `next dev`) or, in the running server, Node's own HTTP server without Next (server.mjs, submissionRequests.ts).
 */

// no-transform: Next would gzip each answer; for a few kB of JSON per submission that costs the server more CPU than
// it saves bytes, and a class's grades all come back through here.
const notCached = { 'Cache-Control': 'no-store, no-transform' };

/**
 * POST /api/submissions { exercise, code | answers } → 202 { id, status, attempt, late }: stored, then graded from the
 * queue. `?wait=N` (seconds, at most 30) holds the answer until it is graded or failed, or N seconds pass, and answers
 * with the submission as GET /api/submissions/:id would (still queued or running: follow its Location): the page
 * learns most grades with this one request. Its grade is watched for before it is stored, so none is missed.
 */
export async function acceptSubmission(
  user: SessionUser,
  body: unknown,
  wait: string | null = null,
  signal?: AbortSignal,
): Promise<JsonAnswer> {
  const waitSeconds = parseWaitSeconds(wait);
  const handle = await getDbHandle();
  const queue = await gradingIntake(handle);
  const input = { userId: user.id, body, queue, rules: { rateLimit: submissionRateLimit } };
  if (waitSeconds === 0) {
    const submission = await createSubmission(handle.db, input);
    return accepted(submission.id, { id: submission.id, status: submission.status, attempt: submission.attempt, late: submission.late });
  }
  const submission = await submitAndAwaitGrade(handle, input, { waitMs: waitSeconds * 1000, signal });
  return accepted(submission.id, submissionView(submission, submission.visibility));
}

function accepted(id: string, body: SubmissionAccepted | SubmissionView): JsonAnswer {
  return { status: 202, body, headers: { Location: `/api/submissions/${id}`, ...notCached } };
}

/**
 * GET /api/submissions/:id → { status, score, result, … } for the owner or an instructor of the course. `?wait=N`
 * (seconds, at most 30) holds the request until the submission is graded or failed, or N seconds pass: the page
 * follows a submission with one request instead of polling. Its student sees what the course lets them see (score,
 * feedback, answers); instructors see everything.
 */
export async function answerSubmission(user: SessionUser, id: string, wait: string | null, signal?: AbortSignal): Promise<JsonAnswer> {
  const waitSeconds = parseWaitSeconds(wait);
  const submission = await followSubmission(await getDbHandle(), user.id, id, { waitMs: waitSeconds * 1000, signal });
  return {
    status: 200,
    body: submissionView(submission, submission.userId === user.id ? submission.visibility : null),
    headers: notCached,
  };
}
