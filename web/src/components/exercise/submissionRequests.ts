import type { PreviewGrade } from '@/server/services/exercises/gradePreview';
import type { SubmissionView } from '@/server/services/submissions/getSubmission';
import { readApiBody } from '@/components/apiResponse';
import type { PreviewTargetJson } from './PreviewContext';
import type { SubmissionSummary } from './types';

/** What a student sends: code, or answers (numeric fields, a choice's `selected`). */
export type Payload = { code: string } | { answers: Record<string, string | string[]> };

/** A submission the page can show now, or why there is none. */
export type Sent = { submission: SubmissionSummary } | { error: string };

/** How long each follow request lets the server hold it (the route allows up to 30 s). */
const FOLLOW_WAIT_SECONDS = 25;
/**
 * How long the submit request lets the server hold it for the grade: most grades take tens of milliseconds, and come
 * back with the POST itself; past this the page shows the submission as queued and follows it.
 */
const SUBMIT_WAIT_SECONDS = 2;

const UNREACHABLE = 'Could not reach the server. Check your connection and try again.';

/**
 * POST /api/submissions?wait=…: stored, and graded already (most often) or still queued (then followed), or the
 * refusal's message.
 */
export async function sendSubmission(exercise: string, payload: Payload): Promise<Sent> {
  try {
    const response = await fetch(`/api/submissions?wait=${SUBMIT_WAIT_SECONDS}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ exercise, ...payload }),
    });
    const body = await readApiBody<SubmissionView>(response);
    if (response.status !== 202 || !body.id) {
      const retryAfter = response.headers.get('Retry-After');
      return {
        error:
          (body.error?.message ?? `Submission refused (HTTP ${response.status}).`) +
          (response.status === 429 && retryAfter && !body.error?.message ? ` Try again in ${retryAfter} s.` : ''),
      };
    }
    return { submission: body as SubmissionView };
  } catch {
    return { error: UNREACHABLE };
  }
}

/**
 * Follows GET /api/submissions/:id?wait=… until the submission is graded or failed (or five minutes pass), handing
 * each state to `onUpdate`. The server holds each request until the grade is recorded (or 25 s pass): the result
 * shows the moment it exists, with one request per submission instead of a poll.
 */
export async function followSubmission(id: string, onUpdate: (submission: SubmissionView) => void, cancelled: () => boolean) {
  const deadline = Date.now() + 5 * 60_000;
  let retryDelay = 500;
  while (!cancelled() && Date.now() < deadline) {
    try {
      const response = await fetch(`/api/submissions/${id}?wait=${FOLLOW_WAIT_SECONDS}`, { cache: 'no-store' });
      if (response.ok) {
        retryDelay = 500;
        const submission = (await response.json()) as SubmissionView;
        onUpdate(submission);
        if (submission.status === 'graded' || submission.status === 'failed') return;
        continue;
      }
    } catch {
      // transient network error: try again after a pause
    }
    await new Promise((r) => setTimeout(r, retryDelay));
    retryDelay = Math.min(retryDelay * 2, 5000);
  }
}

/** One preview grade (POST /api/preview), shaped like a graded submission so the same feedback and history show it. */
export async function gradePreview(exercise: string, target: PreviewTargetJson, payload: Payload, count: number): Promise<Sent> {
  try {
    const response = await fetch('/api/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ exercise, ...target, ...payload }),
    });
    const body = await readApiBody<PreviewGrade>(response);
    if (!response.ok || typeof body.score !== 'number') {
      return { error: body.error?.message ?? `Preview grading refused (HTTP ${response.status}).` };
    }
    const now = new Date().toISOString();
    return {
      submission: {
        id: `preview-${count}`,
        status: 'graded',
        score: body.score,
        passed: body.passed ?? false,
        result: body.result ?? null,
        failureMessage: null,
        late: false,
        attempt: count,
        countsAsAttempt: false,
        payload,
        createdAt: now,
        gradedAt: now,
      },
    };
  } catch {
    return { error: UNREACHABLE };
  }
}
