import { NextResponse } from 'next/server';
import { jsonError, readJson, withCoursePermission } from '@/server/api';
import { columnChoices, columnRequest, linkColumn } from '@/server/lti/lineItemLinks';
import { LtiStepRefusal } from '@/server/lti/linking';

/** The LMS columns Deltalab does not know, and the assessments without a column, per linked LMS course. */
export async function GET(request: Request) {
  return withCoursePermission(request, 'lti.link', async (_user, course, handle) => {
    const { contexts } = await columnChoices(handle.db, course.id);
    return NextResponse.json({ contexts });
  });
}

/** `{ action: 'link', contextId, lineItem, resource }` or `{ action: 'create', contextId, resource }` (resource: `assessment:<id>` or `exercise:<id>`). */
export async function POST(request: Request) {
  return withCoursePermission(request, 'lti.link', async (_user, course, handle) => {
    const parsed = columnRequest.safeParse(await readJson(request));
    if (!parsed.success) return jsonError(400, 'invalid-request', parsed.error.issues[0]!.message);
    try {
      return NextResponse.json(await linkColumn(handle.db, course.id, parsed.data));
    } catch (error) {
      if (error instanceof LtiStepRefusal) return jsonError(error.status, `lti-${error.check}`, error.message);
      throw error;
    }
  });
}
