import { NextResponse } from 'next/server';
import { withSitePermission } from '@/server/api';
import { findUsers } from '@/server/services/admin/users';

/** GET ?q= → accounts whose email or name contains q (at most 100), for administrators (admin.users). */
export function GET(request: Request) {
  return withSitePermission('admin.users', async (_user, { db }) =>
    NextResponse.json(
      { users: await findUsers(db, new URL(request.url).searchParams.get('q')) },
      { headers: { 'Cache-Control': 'no-store' } },
    ),
  );
}
