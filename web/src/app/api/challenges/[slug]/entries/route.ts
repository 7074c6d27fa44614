import { NextResponse } from 'next/server';
import { readJson, withApiUser } from '@/server/api';
import { getDbHandle } from '@/server/db';
import { enqueueGrading } from '@/server/grading/startGrading';
import { createEntry } from '@/server/services/challenges/createEntry';
import { listMyEntries, type EntryAccepted, type EntryList } from '@/server/services/challenges/entries';

/** POST { model, provenance } → 202 { id }: validated, stored, then scored on the hidden test set by a grading child. */
export function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withApiUser(async (user) => {
    const { slug } = await context.params;
    const body = await readJson(request);
    const handle = await getDbHandle();
    const submission = await createEntry(handle.db, slug, { userId: user.id, body, enqueue: (id) => enqueueGrading(handle, id) });
    return NextResponse.json({ id: submission.id, status: submission.status } satisfies EntryAccepted, {
      status: 202,
      headers: { Location: `/api/challenges/${slug}/entries/${submission.id}`, 'Cache-Control': 'no-store' },
    });
  });
}

/** GET → this student's entries, newest first. */
export function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  return withApiUser(async (user) => {
    const { slug } = await context.params;
    return NextResponse.json({ entries: await listMyEntries((await getDbHandle()).db, user.id, slug) } satisfies EntryList, {
      headers: { 'Cache-Control': 'no-store' },
    });
  });
}
