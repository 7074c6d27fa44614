import { NextResponse } from 'next/server';
import { withApiUser } from '@/server/api';
import { stage } from '@/server/breakdown';
import { getDbHandle } from '@/server/db';
import { submissionView } from '@/server/services/submissions/getSubmission';
import { followSubmission, parseWaitSeconds } from '@/server/services/submissions/followSubmission';

/**
 * GET → { status, score, result, … } for the owner or an instructor of the course. `?wait=N` (seconds, at most 30)
 * holds the request until the submission is graded or failed, or N seconds pass: the page follows a submission
 * with one request instead of polling.
 */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return stage('GET /api/submissions/:id: route handler', () =>
    withApiUser(async (user) => {
      const { id } = await context.params;
      const waitSeconds = parseWaitSeconds(new URL(request.url).searchParams.get('wait'));
      const submission = await followSubmission(await getDbHandle(), user.id, id, { waitMs: waitSeconds * 1000, signal: request.signal });
      // no-transform: Next would gzip each answer; for a few kB of JSON per submission that costs the server more CPU
      // than it saves bytes, and a class's grades all come back through here.
      // Its student sees what the course lets them see (score, feedback, answers); instructors see everything.
      return NextResponse.json(submissionView(submission, submission.userId === user.id ? submission.visibility : null), {
        headers: { 'Cache-Control': 'no-store, no-transform' },
      });
    }),
  );
}
