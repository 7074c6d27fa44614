import { NextResponse } from 'next/server';
import { withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { getSubmissionForViewer, submissionView } from '@/server/services/submissions/getSubmission';

/** GET → { status, score, result, … } for the owner or an instructor of the course. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withApiUser(async (user) => {
    const { id } = await context.params;
    const submission = await getSubmissionForViewer(await getDb(), user.id, id);
    return NextResponse.json(submissionView(submission), { headers: { 'Cache-Control': 'no-store' } });
  });
}
