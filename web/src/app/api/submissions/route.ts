import { NextResponse } from 'next/server';
import { submissionRateLimit } from '@/env';
import { readJson, withApiUser } from '@/server/api';
import { stage } from '@/server/breakdown';
import { getDbHandle } from '@/server/db';
import { enqueueGrading } from '@/server/grading/startGrading';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import type { SubmissionAccepted } from '@/server/services/submissions/getSubmission';

/** POST { exercise, code | answers } → 202 { id }: stored, then graded from the queue. */
export function POST(request: Request) {
  return stage('POST /api/submissions: route handler', () =>
    withApiUser(async (user) => {
      const body = await stage('request body', () => readJson(request));
      const handle = await getDbHandle();
      const submission = await createSubmission(handle.db, {
        userId: user.id,
        body,
        enqueue: (submissionId) => enqueueGrading(handle, submissionId),
        rules: { rateLimit: submissionRateLimit },
      });
      return NextResponse.json(
        { id: submission.id, status: submission.status, attempt: submission.attempt, late: submission.late } satisfies SubmissionAccepted,
        { status: 202, headers: { Location: `/api/submissions/${submission.id}`, 'Cache-Control': 'no-store, no-transform' } },
      );
    }),
  );
}
