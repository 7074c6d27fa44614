import { NextResponse } from 'next/server';
import { jsonError, readJson, withCoursePermission } from '@/server/api';
import { applyRegradeFor } from '@/server/services/regrades/applyRegrade';
import { getRegradePreview, type AppliedRegrade } from '@/server/services/regrades/regradePreview';

/** POST { neverLower } → applies the regrade (once): 200 with how many submissions changed and the final preview. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return withCoursePermission(request, 'regrade.apply', async (user, course, { db }) => {
    const { id } = await context.params;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return jsonError(400, 'invalid-request', `'${id}' is not a regrade id (expected a UUID).`);
    const { changed } = await applyRegradeFor(db, course, user.id, id, await readJson(request));
    return NextResponse.json({ changed, regrade: await getRegradePreview(db, course, id) } satisfies AppliedRegrade);
  });
}
