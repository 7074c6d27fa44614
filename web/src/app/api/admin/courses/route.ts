import { NextResponse } from 'next/server';
import { withSitePermission } from '@/server/api';
import { listCourses } from '@/server/services/admin/courses';

/** GET → every course with its instructors, sizes and whether it is archived (admin.courses). */
export function GET() {
  return withSitePermission('admin.courses', async (_user, { db }) =>
    NextResponse.json({ courses: await listCourses(db) }, { headers: { 'Cache-Control': 'no-store' } }),
  );
}
