import { NextResponse } from 'next/server';
import { readJson, withCoursePermission } from '@/server/api';
import { updateRosterStudent } from '@/server/services/people/roster';

/** PUT { dropped?, section? } → drops or restores the student (their submissions stay), sets their section. */
export function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  return withCoursePermission(request, 'roster.manage', async (_user, course, { db }) =>
    NextResponse.json(await updateRosterStudent(db, course, (await context.params).id, await readJson(request))),
  );
}
