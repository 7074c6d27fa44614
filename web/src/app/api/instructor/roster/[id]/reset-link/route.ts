import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { siteUrl } from '@/server/siteUrl';
import { issueResetLinkForStudent } from '@/server/services/accounts/resetLinks';

/**
 * POST → a one-time password link for one of the course's students (student.password.reset), valid 24 h: emailed to
 * them with SMTP_URL, else answered as `link` to pass on. Refused for an account with rights beyond the course.
 */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return withCoursePermission(request, 'student.password.reset', async (user, course, { db }) =>
    NextResponse.json(await issueResetLinkForStudent(db, user.id, course, (await context.params).id, await siteUrl()), {
      status: 201,
      headers: { 'Cache-Control': 'no-store' },
    }),
  );
}
