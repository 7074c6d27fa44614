import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { getExerciseStats } from '@/server/services/dashboards/getExerciseStats';
import { studentFilterOf } from '@/server/services/dashboards/studentFilter';

/** GET → the per-exercise figures (attempts, success, histograms, discrimination, failing cases, diagnoses) as JSON. */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'course.dashboard.view', async (_user, course, { db }) => {
    const { slug } = await context.params;
    return NextResponse.json(await getExerciseStats(db, course, slug, studentFilterOf(new URL(request.url).searchParams)), {
      headers: { 'Cache-Control': 'no-store' },
    });
  });
}
