import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { getCourseOverview } from '@/server/services/dashboards/getCourseOverview';
import { studentFilterOf } from '@/server/services/dashboards/studentFilter';

/** GET → the overview: students × exercises (score, attempts, late) and progress by topic; ?section= for one section's students. */
export function GET(request: Request) {
  return withCoursePermission(request, 'course.dashboard.view', async (_user, course, { db }) =>
    NextResponse.json(await getCourseOverview(db, course, studentFilterOf(new URL(request.url).searchParams)), {
      headers: { 'Cache-Control': 'no-store' },
    }),
  );
}
