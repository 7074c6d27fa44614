import { NextResponse } from 'next/server';
import { jsonError, readJson, withCoursePermission } from '@/server/api';
import { regradeAssessment } from '@/server/services/assessments/regradeAssessment';

/** POST { scope: "assessment" | { student } } → 201 { regrades: [{ exercise, regradeId, items }] }: one regrade per exercise, applied as any. */
export function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'regrade.preview', async (user, course, handle) => {
    const made = await regradeAssessment(handle, course, user.id, (await context.params).slug, await readJson(request));
    return NextResponse.json(made, { status: 201 });
  });
}

export function GET() {
  return jsonError(405, 'method-not-allowed', 'Use POST with { scope: "assessment" } or { scope: { student } }.');
}
