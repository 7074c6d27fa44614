import { NextResponse } from 'next/server';
import { readJson, withCoursePermission } from '@/server/api';
import { changeStaffRole, removeStaff } from '@/server/services/people/staff';

type Context = { params: Promise<{ id: string }> };

/** PUT { role } → the staff member's new role (a course keeps at least one instructor: 409 otherwise). */
export function PUT(request: Request, context: Context) {
  return withCoursePermission(request, 'staff.manage', async (_user, course, { db }) =>
    NextResponse.json(await changeStaffRole(db, course, (await context.params).id, await readJson(request))),
  );
}

/** DELETE → removes them from the course's staff (not the last instructor: 409). */
export function DELETE(request: Request, context: Context) {
  return withCoursePermission(request, 'staff.manage', async (_user, course, { db }) =>
    NextResponse.json(await removeStaff(db, course, (await context.params).id)),
  );
}
