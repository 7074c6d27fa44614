import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { readEmptyRequest } from '@/server/lti/emptyRequest';
import { syncCourseRoster } from '@/server/lti/courseLti';

/** "Sync roster now" (NRPS), body `{}`: each linked LMS course's members, enrolled, pending or dropped. */
export async function POST(request: Request) {
  return withCoursePermission(request, 'lti.roster.sync', async (_user, course, handle) => {
    await readEmptyRequest(request);
    return NextResponse.json({ contexts: await syncCourseRoster(handle.db, course.id) });
  });
}
