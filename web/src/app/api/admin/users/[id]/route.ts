import { NextResponse } from 'next/server';
import { readJson, withSitePermission } from '@/server/api';
import { updateAccount } from '@/server/services/admin/users';

/** PUT { canCreateCourses?, active? } → the account now: course creation granted or revoked, deactivated or reactivated. */
export function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  return withSitePermission('admin.users', async (user, { db }) =>
    NextResponse.json(await updateAccount(db, user.id, (await context.params).id, await readJson(request))),
  );
}
