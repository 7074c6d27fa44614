import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { courseLtiStatus } from '@/server/lti/courseLti';

/** The course's LMS links and every score with its state: sent, queued, failed and why. */
export async function GET(request: Request) {
  return withCoursePermission(request, 'lti.grades.send', async (_user, course, handle) =>
    NextResponse.json(await courseLtiStatus(handle.db, course.id)),
  );
}
