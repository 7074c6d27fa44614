import { NextResponse } from 'next/server';
import { withApiUser } from '@/server/api';
import { getDbHandle } from '@/server/db';
import { enqueueGrading } from '@/server/grading/startGrading';
import { requestVerify } from '@/server/services/challenges/entries';

/** POST (instructors) → 202: re-train the entry's code in the sandbox with its recorded seed and epochs. */
export function POST(_request: Request, context: { params: Promise<{ slug: string; id: string }> }) {
  return withApiUser(async (user) => {
    const { slug, id } = await context.params;
    const handle = await getDbHandle();
    return NextResponse.json(await requestVerify(handle.db, user.id, slug, id, (jobId) => enqueueGrading(handle, jobId)), { status: 202 });
  });
}
