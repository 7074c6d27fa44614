import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { withdrawInvitation } from '@/server/services/people/withdrawInvitation';

/** DELETE → withdraws a pending invitation: a student's (roster.manage), a staff member's (staff.manage as well). */
export function DELETE(request: Request, context: { params: Promise<{ id: string }> }) {
  return withCoursePermission(request, 'roster.manage', async (_user, course, { db }) =>
    NextResponse.json(await withdrawInvitation(db, course, (await context.params).id)),
  );
}
