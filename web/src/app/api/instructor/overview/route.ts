import { NextResponse } from 'next/server';
import { withInstructor } from '@/server/api';
import { getCourseOverview } from '@/server/services/dashboards/getCourseOverview';

/** GET → the overview: students × exercises (score, attempts, late) and progress by topic. Instructors only. */
export function GET(request: Request) {
  return withInstructor(request, async (_user, course, { db }) =>
    NextResponse.json(await getCourseOverview(db, course), { headers: { 'Cache-Control': 'no-store' } }),
  );
}
