import { NextResponse } from 'next/server';
import { jsonError, withCoursePermission } from '@/server/api';
import { waitForRegradePreview } from '@/server/services/regrades/regradePreview';

/** GET → a regrade's preview (?wait=N: up to N seconds, at most 30, for its grades to come in). */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return withCoursePermission(request, 'regrade.preview', async (_user, course, { db }) => {
    const { id } = await context.params;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return jsonError(400, 'invalid-request', `'${id}' is not a regrade id (expected a UUID).`);
    const wait = Math.min(30, Math.max(0, Number(new URL(request.url).searchParams.get('wait') ?? 0) || 0));
    return NextResponse.json(await waitForRegradePreview(db, course, id, wait), { headers: { 'Cache-Control': 'no-store' } });
  });
}
