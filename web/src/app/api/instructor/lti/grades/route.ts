import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { readEmptyRequest } from '@/server/lti/emptyRequest';
import { courseLtiStatus, sendGradesNow } from '@/server/lti/courseLti';

/** "Send grades now": queue every changed (and every failed) score for the LMS; answers what was queued and the report. */
export async function POST(request: Request) {
  return withCoursePermission(request, 'lti.grades.send', async (_user, course, handle) => {
    await readEmptyRequest(request);
    const sent = await sendGradesNow(handle.db, course.id);
    return NextResponse.json({ ...sent, ...(await courseLtiStatus(handle.db, course.id)) }, { status: 202 });
  });
}
