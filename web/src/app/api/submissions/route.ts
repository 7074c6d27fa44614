import { NextResponse } from 'next/server';
import { submissionRateLimit } from '@/env';
import { readJson, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { enqueueGrading } from '@/server/grading/enqueueGrading';
import { createSubmission } from '@/server/services/submissions/createSubmission';

/** POST { exercise, code | answers } → 202 { id }: stored, then graded from the queue. */
export function POST(request: Request) {
  return withApiUser(async (user) => {
    const body = await readJson(request);
    const submission = await createSubmission(await getDb(), {
      userId: user.id,
      body,
      enqueue: enqueueGrading,
      rules: { rateLimit: submissionRateLimit },
    });
    return NextResponse.json(
      { id: submission.id, status: submission.status, attempt: submission.attempt, late: submission.late },
      { status: 202, headers: { Location: `/api/submissions/${submission.id}` } },
    );
  });
}
