import { NextResponse } from 'next/server';
import { withApiUser } from '@/server/api';
import { getDbHandle } from '@/server/db';
import { enqueueGrading } from '@/server/grading/startGrading';
import { getLeaderboard } from '@/server/services/challenges/leaderboard';

/** GET → { rows: [{ rank, name, publicScore, params, entries, lastEntryAt, baseline }] }; privateScore after the reveal (instructors always). */
export function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  return withApiUser(async (user) => {
    const { slug } = await context.params;
    const handle = await getDbHandle();
    return NextResponse.json(await getLeaderboard(handle.db, user.id, slug, (id) => enqueueGrading(handle, id)), {
      headers: { 'Cache-Control': 'no-store' },
    });
  });
}
