import { NextResponse } from 'next/server';
import { readJson, withCoursePermission } from '@/server/api';
import { createRegrade, regradeRequest } from '@/server/services/regrades/createRegrade';
import { listCourseRegrades, waitForRegradePreview } from '@/server/services/regrades/regradePreview';

/**
 * POST { exercise, scope: "exercise" | { version } | { student }, wait?: seconds } → the regrade's preview (who changes,
 * by how much, why), after waiting up to `wait` seconds (default 20) for its grades. Nothing changes until
 * POST /api/instructor/regrade/:id/apply. GET → the course's regrades.
 */
export function POST(request: Request) {
  return withCoursePermission(request, 'regrade.preview', async (user, course, handle) => {
    const body = await readJson(request);
    const { regradeId } = await createRegrade(handle, course, user.id, body);
    const wait = regradeRequest.safeParse(body).data?.wait ?? 20;
    return NextResponse.json(await waitForRegradePreview(handle.db, course, regradeId, wait), {
      status: 201,
      headers: { 'Cache-Control': 'no-store' },
    });
  });
}

export function GET(request: Request) {
  return withCoursePermission(request, 'regrade.preview', async (_user, course, { db }) =>
    NextResponse.json(await listCourseRegrades(db, course), { headers: { 'Cache-Control': 'no-store' } }),
  );
}
