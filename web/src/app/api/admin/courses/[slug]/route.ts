import { NextResponse } from 'next/server';
import { readJson, withSitePermission } from '@/server/api';
import { archiveCourse } from '@/server/services/admin/courses';

/** PUT { archived } → archives the course (read-only from then on) or unarchives it. */
export function PUT(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withSitePermission('admin.courses', async (_user, { db }) =>
    NextResponse.json(await archiveCourse(db, (await context.params).slug, await readJson(request))),
  );
}
