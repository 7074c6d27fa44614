import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { getRoster } from '@/server/services/people/roster';

/** GET → the course's students (dropped ones too) with section, last activity and course total, and pending ones. */
export function GET(request: Request) {
  return withCoursePermission(request, 'roster.manage', async (_user, course, { db }) =>
    NextResponse.json(await getRoster(db, course), { headers: { 'Cache-Control': 'no-store' } }),
  );
}
