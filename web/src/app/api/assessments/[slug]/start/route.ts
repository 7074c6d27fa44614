import { NextResponse } from 'next/server';
import { jsonError, readJson, withCoursePermission } from '@/server/api';
import { startAssessment } from '@/server/services/assessments/startAssessment';

/** POST { honorCode: true, password? } → { instanceId, endsAt, slots: [{ slot, exercise }] }; starting again returns the same instance. */
export function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'submission.create', async (user, course, { db }) => {
    const started = await startAssessment(db, course, user.id, (await context.params).slug, await readJson(request), new Date());
    return NextResponse.json(started, { headers: { 'Cache-Control': 'no-store' } });
  });
}

export function GET() {
  return jsonError(405, 'method-not-allowed', 'Use POST with { honorCode: true, password? }.');
}
