import { NextResponse } from 'next/server';
import { withInstructor } from '@/server/api';
import { getExerciseStats } from '@/server/services/dashboards/getExerciseStats';

/** GET → the per-exercise figures (attempts, success, histograms, discrimination, failing cases, diagnoses) as JSON. */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withInstructor(request, async (_user, course, { db }) => {
    const { slug } = await context.params;
    return NextResponse.json(await getExerciseStats(db, course, slug), { headers: { 'Cache-Control': 'no-store' } });
  });
}
