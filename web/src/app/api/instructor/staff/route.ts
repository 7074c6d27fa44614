import { NextResponse } from 'next/server';
import { readJson, withCoursePermission } from '@/server/api';
import { siteUrl } from '@/server/siteUrl';
import { addStaff, listStaff } from '@/server/services/people/staff';

/** GET → the course's staff and pending staff invitations (staff.manage). */
export function GET(request: Request) {
  return withCoursePermission(request, 'staff.manage', async (_user, course, { db }) =>
    NextResponse.json(await listStaff(db, course), { headers: { 'Cache-Control': 'no-store' } }),
  );
}

/**
 * POST { email, role: "instructor" | "teaching-assistant" } → 201: enrolled (an account), or invited (no account yet:
 * the invitation is emailed with SMTP_URL, else its `link` is answered to pass on).
 */
export function POST(request: Request) {
  return withCoursePermission(request, 'staff.manage', async (user, course, { db }) =>
    NextResponse.json(await addStaff(db, course, user, await readJson(request), await siteUrl()), {
      status: 201,
      headers: { 'Cache-Control': 'no-store' },
    }),
  );
}
